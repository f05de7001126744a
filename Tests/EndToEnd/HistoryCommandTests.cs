using SocketDeployer.Sandbox.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class HistoryCommandTests : SandboxTest
{
    [Test]
    public async Task HistoryListsTheReleasesSsmKnowsNewestFirst()
    {
        var first = Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("ui", "r-80.0.0", "Success");
        var second = Env.Aws.Seed("app", "r-99.2.0", "Failed", requester: Carol);

        var reply = await BotReplyIn(await Say(Dave, "history app"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith(":scroll: *app* — the last 2 releases, newest first"));
            Assert.That(reply.Text.IndexOf("`r-99.2.0` — :x: Failed in ", StringComparison.Ordinal),
                Is.GreaterThan(0).And.LessThan(reply.Text.IndexOf("`r-99.1.0` — :white_check_mark: Success in ", StringComparison.Ordinal)));
            Assert.That(reply.Text, Does.Contain($"by <@{Carol}>").And.Contain($"by <@{Alice}>"));
            Assert.That(reply.Text, Does.Contain($"automation/execution/{first.Id}?region=us-east-1").And.Contain(second.Id));
            Assert.That(reply.Text, Does.Not.Contain("r-80.0.0"), "only app's releases");
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"history app 10\"").And.Contains("\"outcome\":\"answered\""));
    }

    [Test]
    public async Task HistoryTakesACount()
    {
        for (var i = 1; i <= 4; i++)
            Env.Aws.Seed("app", $"r-99.{i}.0", "Success");

        var reply = await BotReplyIn(await Say(Dave, "history app 2"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("`r-99.4.0`").And.Contain("`r-99.3.0`"));
            Assert.That(reply.Text, Does.Not.Contain("`r-99.2.0`").And.Not.Contain("`r-99.1.0`"));
        });
    }

    [Test]
    public async Task HistoryOfAServiceWithoutReleasesSaysSo()
    {
        var reply = await BotReplyIn(await Say(Dave, "history ui"));
        Assert.That(reply.Text, Does.Contain("*ui* has no release started from Slack yet"));
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"history ui 10\"").And.Contains("no history"));
    }

    [Test]
    public async Task HistoryOfAnUnknownServiceSuggestsTheClosest()
    {
        var reply = await BotReplyIn(await Say(Dave, "history apq"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("did you mean `app`").And.Contain("Usage:"));
            Assert.That(Env.Aws.Calls.Where(c => c.Service == "AmazonSSM"), Is.Empty);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"outcome\":\"refused\"").And.Contains("unknown service"));
    }

    [Test]
    public async Task ABadCountIsRefusedWithTheRule()
    {
        var reply = await BotReplyIn(await Say(Dave, "history app 500"));
        Assert.That(reply.Text, Does.Contain("a number from 1 to 50, not `500`").And.Contain("Usage:"));
    }
}

/// <summary>SSM pages of five: the history follows NextToken, and stops once it has what it was asked for.</summary>
public class HistoryPagingTests : SandboxTest
{
    protected override AwsSandboxOptions? AwsOptions => new() { MaxPageSize = 5 };

    [Test]
    public async Task HistoryReadsEveryPageItNeedsAndNoMore()
    {
        for (var i = 1; i <= 12; i++)
            Env.Aws.Seed("app", $"r-99.{i}.0", "Success");

        var reply = await BotReplyIn(await Say(Dave, "history app 12"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("the last 12 releases").And.Contain("`r-99.1.0`").And.Contain("`r-99.12.0`"));
            Assert.That(Env.Aws.Calls.Count(c => c.Operation == "DescribeAutomationExecutions"), Is.EqualTo(3), "twelve in pages of five");
        });

        var before = Env.Aws.Calls.Count(c => c.Operation == "DescribeAutomationExecutions");
        var three = await BotReplyIn(await Say(Dave, "history app 3"));
        Assert.Multiple(() =>
        {
            Assert.That(three.Text, Does.Contain("the last 3 releases").And.Contain("`r-99.10.0`").And.Not.Contain("`r-99.9.0`"));
            Assert.That(Env.Aws.Calls.Count(c => c.Operation == "DescribeAutomationExecutions") - before, Is.EqualTo(1), "three fit in the first page");
        });
    }
}
