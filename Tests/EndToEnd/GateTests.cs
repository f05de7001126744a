using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>A pipeline waits on Slack: <c>socketdeployer gate</c> (the verb's own code path) against the Sandbox, with
/// the real daemon announcing the gate and approvers clicking in the Sandbox's Slack.</summary>
public class GateTests : SandboxTest
{
    protected override bool RunAutomations => true;

    private sealed record GateRun(int Code, string Output, string Error);

    private async Task<GateRun> GateAsync(CancellationToken ct, params string[] args)
    {
        var commandLine = DaemonCommandLine.Parse(
        [
            "gate", .. args, "--config", SandboxEnvironment.ShippedConfig,
            $"--Aws:Region={Env.Aws.Region}", $"--Aws:SsmServiceUrl={Env.Aws.ServiceUrl}",
        ]);
        Assert.That(commandLine.Error, Is.Null);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await GateVerb.RunAsync(commandLine, output, error, Env.AddAwsCredentials, cancellationToken: ct);
        return new GateRun(code, output.ToString(), error.ToString());
    }

    private Task<SlackMessageRecord> Announcement(string marker) =>
        Slack.WaitForMessageAsync(m => m.IsBot && m.Channel == DeployChannel && (m.ThreadTs is null || m.ThreadTs == m.Ts) && m.Text.Contains(marker, StringComparison.Ordinal), Wait);

    private Task<SlackMessageRecord> PromptIn(string ts) =>
        BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);

    private Task Click(string user, SlackMessageRecord prompt, bool approve = true) =>
        Slack.ClickButtonAsync(user, prompt.Channel, prompt.Ts, approve ? ApprovalMessages.ApproveAction : ApprovalMessages.RejectAction,
            ApprovalMessages.ButtonValue(Env.Aws.Executions.Single().Id, "approve"));

    [Test]
    public async Task AGateApprovedInSlackExitsZeroAndSaysWho()
    {
        var run = GateAsync(CancellationToken.None, "app", "--summary", "Release r-99.2.0 from CI", "--link", "https://ci.example.com/run/42", "--requested-by", Alice);
        var announcement = await Announcement("Release r-99.2.0 from CI");
        var prompt = await PromptIn(announcement.Ts);
        await Click(Bob, prompt);
        var result = await run.WaitAsync(Wait);
        TestContext.Out.WriteLine(result.Output + result.Error + Slack.RenderThread(DeployChannel, announcement.Ts));
        var execution = Env.Aws.Executions.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.Approved), result.Error);
            Assert.That(result.Output, Does.Contain("Approved in Slack by bob (U0BOB)").And.Contain(execution.Id));
            Assert.That(execution.Document.Name, Is.EqualTo(SandboxDocuments.GateDocument));
            Assert.That(execution.Parameters["Service"], Is.EqualTo(new[] { "app" }));
            Assert.That(announcement.Text, Does.Contain($"<@{Alice}>").And.Contain("assumed-role").And.Contain("https://ci.example.com/run/42"));
            Assert.That(prompt.Text, Does.Contain($"requested by <@{Alice}>"));
        });
        await WaitUntilAsync(async () => (await AuditLinesAsync()).Any(l => l.Contains("\"event\":\"end\"", StringComparison.Ordinal)));
        Assert.That(await AuditLinesAsync(), Has.Some.Contains("\"event\":\"gate\"").And.Some.Contains("\"event\":\"approve\""));
    }

    [Test]
    public async Task AGateRejectedInSlackExitsOne()
    {
        var run = GateAsync(CancellationToken.None, "app", "--summary", "Hotfix 7", "--requested-by", Alice);
        var prompt = await PromptIn((await Announcement("Hotfix 7")).Ts);
        await Click(Erin, prompt, approve: false);
        var result = await run.WaitAsync(Wait);
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.Rejected), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("Rejected in Slack by erin (U0ERIN)"));
        });
    }

    [Test]
    public async Task AGateWithoutADecisionInTimeIsCancelledAndExitsThree()
    {
        var result = await GateAsync(CancellationToken.None, "ui", "--summary", "Slow approvers", "--timeout", "2s").WaitAsync(Wait);
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.NoDecision), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("No decision within 2 s"));
        });
        await WaitUntilAsync(() => Env.Aws.Executions.Single().Status == "Cancelled");
    }

    [Test]
    public async Task TheRequesterCannotApproveTheirOwnGateAndStoppingTheWaitSaysHowToCancel()
    {
        using var stop = new CancellationTokenSource();
        var run = GateAsync(stop.Token, "app", "--summary", "Carol's change", "--requested-by", Carol);
        var announcement = await Announcement("Carol");
        var prompt = await PromptIn(announcement.Ts);
        await Click(Carol, prompt);
        var refusal = await EphemeralTo(Carol, announcement.Ts);
        await stop.CancelAsync();
        var result = await run.WaitAsync(Wait);
        var id = Env.Aws.Executions.Single().Id;
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("someone else has to approve"));
            Assert.That(Env.Aws.Executions.Single().Signals, Is.Empty);
            Assert.That(result.Code, Is.EqualTo(GateExit.NoDecision));
            Assert.That(result.Error, Does.Contain($"aws ssm stop-automation-execution --automation-execution-id {id}").And.Contain($"cancel {id}"));
        });
    }

    [Test]
    public async Task AGateCancelledInSlackExitsThreeAndItsPromptSaysTheRequesterIsUnknown()
    {
        var run = GateAsync(CancellationToken.None, "app", "--summary", "Nobody named");
        var announcement = await Announcement("Nobody named");
        var prompt = await PromptIn(announcement.Ts);
        var id = Env.Aws.Executions.Single().Id;
        await Say(Bob, $"cancel {id}", threadTs: announcement.Ts);
        var result = await run.WaitAsync(Wait);
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.NoDecision), result.Output + result.Error);
            Assert.That(result.Output + result.Error, Does.Contain("cancelled"));
            Assert.That(prompt.Text, Does.Contain("requested by an unknown requester"));
        });
    }

    [Test]
    public async Task AGateNamingItsRequesterByEmailKeepsThemFromApprovingIt()
    {
        var run = GateAsync(CancellationToken.None, "app", "--summary", "By email", "--requested-by", "carol@example.com");
        var announcement = await Announcement("By email");
        var prompt = await PromptIn(announcement.Ts);
        await Click(Carol, prompt);
        var refusal = await EphemeralTo(Carol, announcement.Ts);
        await Click(Erin, prompt);
        var result = await run.WaitAsync(Wait);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("someone else has to approve"));
            Assert.That(prompt.Text, Does.Contain($"requested by <@{Carol}>"));
            Assert.That(result.Code, Is.EqualTo(GateExit.Approved), result.Output + result.Error);
            Assert.That(result.Output, Does.Contain("Approved in Slack by erin (U0ERIN)"));
        });
    }

    [Test]
    public async Task AnUnknownServiceIsAnErrorAndStartsNothing()
    {
        var result = await GateAsync(CancellationToken.None, "ap", "--summary", "typo").WaitAsync(Wait);
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.EqualTo(GateExit.Error));
            Assert.That(result.Error, Does.Contain("`ap`").And.Contain("`app`").And.Contain("Nothing was started"));
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task ADeployStartedOutsideSlackIsAnnouncedAndGatedWithFourEyes()
    {
        using var ssm = SandboxClients.Ssm(Env.Aws);
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ReleaseTag"] = ["r-99.3.0"], ["RequestedBy"] = [Alice] };
        await ssm.StartAutomationExecutionAsync(new StartAutomationRequest("Deploy-App", "7", parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>()), CancellationToken.None);
        var announcement = await Announcement("was started outside Slack");
        var prompt = await PromptIn(announcement.Ts);
        await Click(Alice, prompt);
        var refusal = await EphemeralTo(Alice, announcement.Ts);
        await Click(Bob, prompt);
        await BotReplyIn(announcement.Ts, m => m.Text.StartsWith(":tada:", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(announcement.Text, Does.Contain("*app* `r-99.3.0`").And.Contain($"<@{Alice}>"));
            Assert.That(refusal.Text, Does.Contain("someone else has to approve"));
            Assert.That(Env.Aws.Executions.Single().Status, Is.EqualTo("Success"));
        });
    }

    [Test]
    public async Task AnExecutionOfADocumentOutsideTheCatalogStaysUnannounced()
    {
        Env.Aws.RegisterDocument("Nightly-Cleanup", "1", [new SandboxStep("sweep") { Duration = TimeSpan.FromMilliseconds(50) }]);
        using var ssm = SandboxClients.Ssm(Env.Aws);
        var id = await ssm.StartAutomationExecutionAsync(
            new StartAutomationRequest("Nightly-Cleanup", "1", new Dictionary<string, IReadOnlyList<string>>(), Guid.NewGuid().ToString(), new Dictionary<string, string>()),
            CancellationToken.None);
        var ignored = await Logs.WaitForAsync(r => r.EventId == 2600 && r.Message.Contains(id, StringComparison.Ordinal), Wait);
        await WaitUntilAsync(() => Env.Aws.Executions.Single().IsTerminal);
        Assert.Multiple(() =>
        {
            Assert.That(ignored.Message, Does.Contain("Nightly-Cleanup"));
            Assert.That(Slack.Messages(DeployChannel).Where(m => m.IsBot), Is.Empty, "nothing in Slack for a document the catalog does not name");
            Assert.That(Env.Aws.Executions.Single().Tags, Is.Empty, "and no tags");
        });
    }
}
