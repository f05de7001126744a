using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class StatusCommandTests : SandboxTest
{
    [Test]
    public async Task StatusWithNothingRunningSaysSoForEveryService()
    {
        var ts = await Say(Dave, "status");
        var reply = await BotReplyIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("Nothing is running."));
            Assert.That(reply.Text, Does.Contain("*app* — no finished release yet").And.Contain("*ui* — no finished release yet"));
            Assert.That(Env.Aws.Calls.Count(c => c.Operation == "DescribeAutomationExecutions"), Is.EqualTo(4), "running and finished, per service");
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"status\"").And.Contains("\"outcome\":\"answered\""));
    }

    [Test]
    public async Task StatusListsRunningReleasesAndTheLastResultPerService()
    {
        await BotReplyIn(await Say(Alice, "run deploy ui r-80.0.0"));
        var ui = Env.Aws.Executions.Single();
        Env.Aws.SetStatus(ui.Id, "Success");
        await BotReplyIn(await Say(Carol, "run deploy app r-99.1.0"));
        var app = Env.Aws.Executions.Single(e => e.Id != ui.Id);

        var reply = await BotReplyIn(await Say(Dave, "status"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Not.Contain("Nothing is running"));
            Assert.That(reply.Text, Does.Contain($"*app* `r-99.1.0` by <@{Carol}> — InProgress for "));
            Assert.That(reply.Text, Does.Contain($"*ui* `r-80.0.0` by <@{Alice}> — Success, started "));
            Assert.That(reply.Text, Does.Contain("*app* — no finished release yet"));
            Assert.That(reply.Blocks!.ToJsonString(), Does.Contain($"automation/execution/{app.Id}?region=us-east-1").And.Contain(ui.Id));
        });
    }

    [Test]
    public async Task StatusOfAServiceShowsOnlyThatService()
    {
        await BotReplyIn(await Say(Alice, "run deploy ui r-80.0.0"));
        var reply = await BotReplyIn(await Say(Dave, "status app"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("Nothing of *app* is running.").And.Contain("*app* — no finished release yet"));
            Assert.That(reply.Text, Does.Not.Contain("*ui*"));
        });
    }

    [Test]
    public async Task StatusOfAnExecutionShowsItsRelease()
    {
        await BotReplyIn(await Say(Alice, "run deploy app r-99.1.0"));
        var execution = Env.Aws.Executions.Single();
        Env.Aws.SetStatus(execution.Id, "Failed");

        var reply = await BotReplyIn(await Say(Dave, $"status {execution.Id}"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain($"*app* `r-99.1.0` by <@{Alice}> — *Failed*"));
            Assert.That(reply.Text, Does.Contain("Started ").And.Contain(", ended ").And.Contain(", took "));
            Assert.That(reply.Text, Does.Contain($"automation/execution/{execution.Id}"));
            Assert.That(Env.Aws.Calls.Count(c => c.Operation == "GetAutomationExecution"), Is.EqualTo(1));
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains($"\"command\":\"status {execution.Id}\"").And.Contains("\"outcome\":\"answered\""));
    }

    [Test]
    public async Task StatusOfAnUnknownExecutionSaysThereIsNone()
    {
        const string id = "00000000-0000-4000-8000-000000000000";
        var reply = await BotReplyIn(await Say(Dave, $"status {id}"));
        Assert.That(reply.Text, Does.Contain($"There is no execution `{id}`"));
    }

    [Test]
    public async Task StatusOfAnUnknownServiceSuggestsTheClosest()
    {
        var reply = await BotReplyIn(await Say(Dave, "status apq"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("`apq`").And.Contain("did you mean `app`").And.Contain("Usage:"));
            Assert.That(Env.Aws.Calls.Where(c => c.Service == "AmazonSSM"), Is.Empty);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"outcome\":\"refused\"").And.Contains("unknown service"));
    }
}
