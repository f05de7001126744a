using System.Text.Json;
using SocketDeployer.Core.Flow;
using SocketDeployer.Sandbox.Environment;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class DeployCommandTests : SandboxTest
{
    [Test]
    public async Task RunDeployStartsThePinnedDocumentAndAnswersInTheThread()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var reply = await BotReplyIn(ts);

        var execution = Env.Aws.Executions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(execution.Document.Name, Is.EqualTo("Deploy-App"));
            Assert.That(execution.Document.Version, Is.EqualTo("7"));
            Assert.That(execution.Parameters["ReleaseTag"], Is.EqualTo(new[] { "r-99.1.0" }));
            Assert.That(execution.Parameters["RequestedBy"], Is.EqualTo(new[] { Alice }));
            Assert.That(execution.Tags["socketdeployer:thread"], Is.EqualTo($"{DeployChannel}/{ts}"));
            Assert.That(execution.Tags["socketdeployer:requester"], Is.EqualTo(Alice));
            Assert.That(execution.Tags["socketdeployer:service"], Is.EqualTo("app"));
            Assert.That(execution.Tags["socketdeployer:version"], Is.EqualTo("r-99.1.0"));
            Assert.That(execution.ClientToken, Has.Length.EqualTo(36));
            Assert.That(reply.Text, Does.Contain($"<@{Alice}>").And.Contain("*app*").And.Contain("r-99.1.0").And.Contain(execution.Id));
            Assert.That(reply.Blocks!.ToJsonString(), Does.Contain($"https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/{execution.Id}?region=us-east-1"));
        });
    }

    [Test]
    public async Task DeployWithoutRunWorksAndAnswersInTheExistingThread()
    {
        var parent = await Slack.PostUserMessageAsync(DeployChannel, Alice, "release train for today");
        await Say(Alice, "deploy ui r-80.0.0", threadTs: parent);
        var reply = await BotReplyIn(parent);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("*ui*"));
            Assert.That(Env.Aws.Executions.Single().Document.Name, Is.EqualTo("Deploy-UI"));
        });
    }

    [Test]
    public async Task EveryRequestIsAuditedBeforeTheReply()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        await BotReplyIn(ts);
        var line = (await AuditLinesAsync()).Single();
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("user").GetString(), Is.EqualTo(Alice));
            Assert.That(root.GetProperty("channel").GetString(), Is.EqualTo(DeployChannel));
            Assert.That(root.GetProperty("command").GetString(), Is.EqualTo("deploy app r-99.1.0"));
            Assert.That(root.GetProperty("outcome").GetString(), Is.EqualTo("started"));
            Assert.That(root.GetProperty("executionId").GetString(), Is.EqualTo(Env.Aws.Executions.Single().Id));
        });
    }

    [Test]
    public async Task TheStartReplyIsRecordedOnTheExecution()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var reply = await BotReplyIn(ts);
        await WaitUntilAsync(() => Env.Aws.Executions.Single().Tags.ContainsKey("socketdeployer:status"));
        Assert.That(Env.Aws.Executions.Single().Tags["socketdeployer:status"], Is.EqualTo(reply.Ts));
    }

    [Test]
    public async Task AcksArriveWellInsideSlacksDeadline()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        await BotReplyIn(ts);
        var ack = Slack.Acks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(ack.Late, Is.False);
            Assert.That(ack.Latency, Is.Not.Null.And.LessThan(TimeSpan.FromSeconds(3)));
        });
        TestContext.Out.WriteLine($"envelope → ack: {ack.Latency!.Value.TotalMilliseconds:F2} ms");
    }
}
