using System.Globalization;
using System.Text.Json.Nodes;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>A freeze of <c>app</c> in force from Slack: deploys are refused with the freeze's name, end and reason;
/// <c>--break-glass</c> starts one that needs an extra approval from a break-glass approver (Dave, who approves
/// nothing else), never the requester; help and status show the freeze; the audit log records the break-glass.</summary>
public class FreezeTests : SandboxTest
{
    protected override bool RunAutomations => true;

    protected override string[] DaemonArguments
    {
        get
        {
            // The daemon runs on the system clock: a freeze from an hour ago until two hours from now is in force.
            var now = TimeProvider.System.GetUtcNow();
            string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return
            [
                "--Deploy:Freezes:review:Reason=quarterly incident review",
                $"--Deploy:Freezes:review:Start={Utc(now.AddHours(-1))}",
                $"--Deploy:Freezes:review:End={Utc(now.AddHours(2))}",
                "--Deploy:Freezes:review:Services:0=app",
                $"--Deploy:BreakGlassApprovers:0={Dave}",
            ];
        }
    }

    [Test]
    public async Task ADeployDuringTheFreezeIsRefusedWithItsNameEndAndReason()
    {
        var refusal = await BotReplyIn(await Say(Alice, "deploy app r-99.1.0"));

        var audit = await AuditLinesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.StartWith(":snowflake: *app* is frozen: *review* (quarterly incident review) for *app* until ")
                .And.Contain(" UTC (in 1 h 59 min)").And.Contain("`--break-glass <reason>`"));
            Assert.That(Env.Aws.Executions, Is.Empty);
            Assert.That(audit, Has.Some.Contains("\"outcome\":\"refused\"").And.Contains("\"reason\":\"frozen\""));
        });
    }

    [Test]
    public async Task BreakingGlassNeedsOneMoreApprovalFromABreakGlassApproverWhoIsNotTheRequester()
    {
        var ts = await Say(Carol, "deploy app r-99.1.0 --break-glass outage INC-7");
        var started = await BotReplyIn(ts);
        var prompt = await PromptIn(ts);
        await Click(Carol, prompt);
        var own = await EphemeralTo(Carol, ts);
        await Click(Bob, prompt);
        await WaitUntilAsync(async () => (await AuditLinesAsync()).Any(l => l.Contains("approval 1 of 2 (break-glass)", StringComparison.Ordinal)));
        await Click(Erin, prompt);
        var wouldNotCount = await EphemeralTo(Erin, ts);
        await Click(Dave, prompt);
        await WaitUntilAsync(async () => (await AuditLinesAsync()).Any(l => l.Contains("\"outcome\":\"approved\"", StringComparison.Ordinal)));

        var execution = Env.Aws.Executions.Single();
        var audit = await AuditLinesAsync();
        TestContext.Out.WriteLine(Slack.RenderThread(DeployChannel, ts) + "\n" + string.Join('\n', audit));
        Assert.Multiple(() =>
        {
            Assert.That(started.Text, Does.Contain(":rotating_light: Break-glass during a freeze: outage INC-7."));
            Assert.That(Texts(prompt), Does.Contain("Break-glass release").And.Contain("outage INC-7").And.Contain($"<@{Dave}>").And.Contain("2 needed"));
            Assert.That(execution.Tags[ExecutionTags.BreakGlass], Is.EqualTo("outage INC-7"));
            Assert.That(own.Text, Does.Contain("You requested this break-glass release of *app*"));
            Assert.That(wouldNotCount.Text, Does.Contain("Your approval would not count").And.Contain("one from a break-glass approver"));
            Assert.That(audit, Has.Some.Contains("\"outcome\":\"started\"").And.Contains("\"reason\":\"break-glass: outage INC-7\""));
            Assert.That(audit, Has.Some.Contains($"\"user\":\"{Dave}\"").And.Contains("\"outcome\":\"approved\"").And.Contains("(break-glass)"));
            Assert.That(audit, Has.Some.Contains($"\"user\":\"{Erin}\"").And.Contains("would not count towards the break-glass quorum"));
            Assert.That(execution.Signals.Select(s => s.SignalType), Is.EqualTo(new[] { "Approve" }), "only the approval that completes the quorum signals");
        });
    }

    [Test]
    public async Task HelpAndStatusShowTheFreezeAndStatusShowsLocks()
    {
        var help = await BotReplyIn(await Say(Alice, "help"));
        var status = await BotReplyIn(await Say(Alice, "status"));
        await BotReplyIn(await Say(Bob, "lock app db migration"));
        var scoped = await BotReplyIn(await Say(Alice, "status app"));
        var ui = await BotReplyIn(await Say(Alice, "status ui"));

        Assert.Multiple(() =>
        {
            Assert.That(help.Text, Does.Contain("*Freezes*\n:snowflake: *Frozen*: *review* (quarterly incident review) for *app* until ").And.Contain("--break-glass"));
            Assert.That(status.Text, Does.Contain(":unlock: No service is locked.").And.Contain(":snowflake: *Frozen*: *review*"));
            Assert.That(scoped.Text, Does.Contain(":lock: *Locks*\n• *app* locked by <@U0BOB> since ").And.Contain(": db migration · an approver ends it with `unlock app`"));
            Assert.That(ui.Text, Does.Contain(":unlock: *ui* is not locked.").And.Not.Contain("Frozen"));
        });
    }

    /// <summary>Every mrkdwn text of a message's blocks, as Slack shows them.</summary>
    internal static string Texts(SlackMessageRecord message) =>
        string.Join('\n', message.Blocks!.AsArray().SelectMany(b => b!["text"] is { } t ? [t] : b["elements"]?.AsArray().ToArray() ?? [])
            .Select(t => t?["text"] is JsonValue text ? text.GetValue<string>() : null).OfType<string>());

    private Task<SlackMessageRecord> PromptIn(string ts) =>
        BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);

    private Task Click(string user, SlackMessageRecord prompt) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve"));
}
