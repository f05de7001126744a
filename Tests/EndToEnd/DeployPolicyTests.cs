using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Environment;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class DeployPolicyTests : SandboxTest
{
    [Test]
    public async Task ANonDeployerIsRefusedPrivatelyAndNothingStarts()
    {
        var ts = await Say(Dave, "run deploy app r-99.1.0");
        var refusal = await EphemeralTo(Dave, ts);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("not a deployer of *app*"));
            Assert.That(BotMessagesIn(ts).Where(m => m.EphemeralFor is null), Is.Empty, "nothing public");
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("not a deployer"));
    }

    [Test]
    public async Task ADeployerThroughAUserGroupMayDeploy()
    {
        var ts = await Say(Carol, "run deploy app r-99.1.0");
        await BotReplyIn(ts);
        Assert.That(Env.Aws.Executions, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ACommandOutsideTheDeployChannelsIsRefusedPrivately()
    {
        var ts = await Say(Alice, "run deploy app r-99.1.0", channel: OtherChannel);
        var refusal = await EphemeralTo(Alice, ts);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Channel, Is.EqualTo(OtherChannel));
            Assert.That(refusal.Text, Does.Contain("not run from this channel"));
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task ARunningExecutionLocksTheService()
    {
        var first = await Say(Alice, "run deploy app r-99.1.0");
        await BotReplyIn(first);
        var second = await Say(Carol, "deploy app r-99.2.0");
        var refusal = await BotReplyIn(second);
        var running = Env.Aws.Executions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("already being deployed").And.Contain($"<@{Alice}>").And.Contain(running.Id));
            Assert.That(refusal.Text, Does.Contain("console.aws.amazon.com"));
            Assert.That(Env.Aws.Executions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task TheLockIsPerService()
    {
        await BotReplyIn(await Say(Alice, "run deploy app r-99.1.0"));
        await BotReplyIn(await Say(Alice, "run deploy ui r-80.0.0"));
        Assert.That(Env.Aws.Executions, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AFinishedExecutionReleasesTheLock()
    {
        await BotReplyIn(await Say(Alice, "run deploy app r-99.1.0"));
        Env.Aws.SetStatus(Env.Aws.Executions.Single().Id, "Success");
        await BotReplyIn(await Say(Alice, "run deploy app r-99.2.0"), m => m.Text.Contains("started", StringComparison.Ordinal));
        Assert.That(Env.Aws.Executions, Has.Count.EqualTo(2));
    }

    [TestCase("bot_id")]
    [TestCase("edited")]
    [TestCase("direct message")]
    [TestCase("the bot itself")]
    public async Task BotsEditsAndDirectMessagesAreIgnored(string kind)
    {
        var payload = MentionPayload("Ev0IGNORED", Alice, $"{BotMention} run deploy app r-99.1.0");
        var evt = payload["event"]!.AsObject();
        switch (kind)
        {
            case "bot_id": evt["bot_id"] = "B0OTHER"; break;
            case "edited": evt["edited"] = new JsonObject { ["user"] = Alice, ["ts"] = "1700000001.000000" }; break;
            case "direct message": evt["channel"] = "D0ALICE"; break;
            default: evt["user"] = Slack.BotUserId; break;
        }

        await Slack.SendEnvelopeAsync("events_api", payload);
        await Logs.WaitForAsync(r => r.EventId == 2000 && r.Message.Contains("Ev0IGNORED", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task AnEventDeliveredTwiceStartsOneExecutionAndAnswersOnce()
    {
        var payload = MentionPayload("Ev0TWICE", Alice, $"{BotMention} run deploy app r-99.1.0");
        var indexes = Slack.OpenConnectionIndexes;
        var first = await Slack.SendEnvelopeAsync("events_api", payload, indexes[0]);
        var second = await Slack.SendEnvelopeAsync("events_api", (JsonObject)payload.DeepClone(), indexes[1], retryAttempt: 1);
        await Task.WhenAll(first.Acked, second.Acked);
        await BotReplyIn("1700000000.000100");
        await Logs.WaitForAsync(r => r.Message.Contains("Ev0TWICE", StringComparison.Ordinal) || r.EventId is 1207 or 1208);
        Assert.Multiple(() =>
        {
            Assert.That(Env.Aws.Executions, Has.Count.EqualTo(1));
            Assert.That(BotMessagesIn("1700000000.000100"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task AnEventRedeliveredAfterARestartIsRecognisedThroughAws()
    {
        var payload = MentionPayload("Ev0RESTART", Alice, $"{BotMention} run deploy app r-99.1.0");
        await (await Slack.SendEnvelopeAsync("events_api", payload)).Acked;
        await BotReplyIn("1700000000.000100");
        await WaitUntilAsync(() => Env.Aws.Executions.Single().Tags.ContainsKey("socketdeployer:status"));

        // A second daemon has an empty event-id cache: only AWS (tags, ClientToken) can tell it this event was handled.
        await using var second = DaemonInstance.Start(Env, Logs.AddTo);
        await Slack.WaitForConnectionsAsync(4, Wait);
        await Daemon.StopAsync();
        await (await Slack.SendEnvelopeAsync("events_api", (JsonObject)payload.DeepClone(), retryAttempt: 1)).Acked;
        await Logs.WaitForAsync(r => r.EventId == 2003 && r.Message.Contains("Ev0RESTART", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(Env.Aws.Executions, Has.Count.EqualTo(1));
            Assert.That(BotMessagesIn("1700000000.000100"), Has.Count.EqualTo(1));
        });
    }

    private JsonObject MentionPayload(string eventId, string user, string text) => new()
    {
        ["token"] = "verification-token",
        ["team_id"] = Slack.TeamId,
        ["api_app_id"] = "A0SANDBOX",
        ["event"] = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = "1700000000.000100",
            ["channel"] = DeployChannel,
            ["event_ts"] = "1700000000.000100",
        },
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
    };
}
