using System.Globalization;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>A pipeline's gate of a locked or frozen service, as Deploy:Gate:WhenLockedOrFrozen says: refused at once
/// (the default; <c>gate</c> exits 1 and prints why) or left waiting until the lock ends.</summary>
public abstract class GateHoldTest : SandboxTest
{
    protected override bool RunAutomations => true;

    protected sealed record GateRun(int Code, string Output, string Error);

    protected async Task<GateRun> GateAsync(string service, string summary)
    {
        var commandLine = DaemonCommandLine.Parse(
        [
            "gate", service, "--summary", summary, "--requested-by", Alice, "--config", SandboxEnvironment.ShippedConfig,
            $"--Aws:Region={Env.Aws.Region}", $"--Aws:SsmServiceUrl={Env.Aws.ServiceUrl}",
        ]);
        Assert.That(commandLine.Error, Is.Null);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GateVerb.RunAsync(commandLine, output, error, Env.AddAwsCredentials);
        return new GateRun(code, output.ToString(), error.ToString());
    }

    protected Task<SlackMessageRecord> Announcement(string marker) =>
        Slack.WaitForMessageAsync(m => m.IsBot && m.Channel == DeployChannel && (m.ThreadTs is null || m.ThreadTs == m.Ts) && m.Text.Contains(marker, StringComparison.Ordinal), Wait);
}

public class GateRefusedWhenLockedOrFrozenTests : GateHoldTest
{
    protected override string[] DaemonArguments
    {
        get
        {
            var now = TimeProvider.System.GetUtcNow();
            string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            return
            [
                "--Deploy:Freezes:review:Reason=incident review",
                $"--Deploy:Freezes:review:Start={Utc(now.AddHours(-1))}",
                $"--Deploy:Freezes:review:End={Utc(now.AddHours(2))}",
                "--Deploy:Freezes:review:Services:0=app",
            ];
        }
    }

    [Test]
    public async Task AGateOfAFrozenServiceIsRejectedAndTheVerbExitsOneSayingWhy()
    {
        var run = GateAsync("app", "Release from CI 11");
        var announcement = await Announcement("Release from CI 11");
        var result = await run.WaitAsync(Wait);
        var refusal = await BotReplyIn(announcement.Ts, m => m.Text.Contains("Refused by SocketDeployer", StringComparison.Ordinal));

        var audit = await AuditLinesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.Rejected), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("Refused by SocketDeployer: app is frozen by review incident review until "));
            Assert.That(refusal.Text, Does.Contain(":no_entry: Refused by SocketDeployer: *app* is frozen: *review* (incident review)"));
            Assert.That(refusal.Blocks!.ToJsonString(), Does.Not.Contain(ApprovalMessages.ApproveAction), "no buttons to click");
            Assert.That(Env.Aws.Executions.Single().Signals.Single().SignalType, Is.EqualTo("Reject"));
            Assert.That(audit, Has.Some.Contains("\"event\":\"prompt\"").And.Contains("\"outcome\":\"refused\"").And.Contains("app is frozen"));
        });
    }

    [Test]
    public async Task AGateOfALockedServiceIsRejectedNamingTheLock()
    {
        await BotReplyIn(await Say(Carol, "lock ui cache migration"));
        var result = await GateAsync("ui", "Release from CI 12");

        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.Rejected), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("Refused by SocketDeployer: ui is locked by U0CAROL since ").And.Contain("cache migration"));
        });
    }
}

public class GateWaitsWhileLockedTests : GateHoldTest
{
    protected override string[] DaemonArguments => ["--Deploy:Gate:WhenLockedOrFrozen=Wait"];

    [Test]
    public async Task TheGateWaitsApprovalsAreRefusedUntilTheUnlockThenItPasses()
    {
        await BotReplyIn(await Say(Carol, "lock ui cache migration"));
        var run = GateAsync("ui", "Release from CI 13");
        var announcement = await Announcement("Release from CI 13");
        var prompt = await BotReplyIn(announcement.Ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);
        await Click(Erin, prompt);
        var waits = await EphemeralTo(Erin, announcement.Ts);
        Assert.That(run.IsCompleted, Is.False, "the gate still waits");

        await BotReplyIn(await Say(Carol, "unlock ui"));
        await Click(Erin, prompt);
        await WaitUntilAsync(async () => (await AuditLinesAsync()).Any(l => l.Contains("approval 1 of 2", StringComparison.Ordinal)));
        await Click(Carol, prompt);
        var result = await run.WaitAsync(Wait);

        Assert.Multiple(() =>
        {
            Assert.That(FreezeTests.Texts(prompt), Does.Contain("*ui* is locked by <@U0CAROL>").And.Contain("Approving waits until that ends"));
            Assert.That(waits.Text, Does.Contain("Approving waits: *ui* is locked by <@U0CAROL>"));
            Assert.That(result.Code, Is.EqualTo(GateExit.Approved), result.Output + result.Error);
        });
    }

    private Task Click(string user, SlackMessageRecord prompt) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve"));
}
