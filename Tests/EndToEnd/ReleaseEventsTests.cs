using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Aws;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>How automation events reach the thread: the status message (which shows every step), log lines, failures, an approval that
/// ends outside Slack, and events that come twice, late, from elsewhere or broken. Each test replaces the steps of
/// Deploy-App version 7 (the version the shipped catalog pins) before it deploys, and chooses where the runner's events go.</summary>
public class ReleaseEventsTests : SandboxTest
{
    // Edit the status message as often as events arrive, so its progress is observable in a sub-second release.
    protected override string[] DaemonArguments => ["--Deploy:StatusUpdateInterval=00:00:00"];

    private static readonly Dictionary<string, string?> Parameters = new(StringComparer.Ordinal) { ["ReleaseTag"] = null, ["RequestedBy"] = null };

    private static SandboxStep Approve(TimeSpan? timeout = null) => new("approve", "aws:approve")
    {
        ApprovalTimeout = timeout ?? TimeSpan.FromHours(1),
        Inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["Message"] = "\"Roll out to production?\"" },
    };

    [Test]
    public async Task TheStatusMessageShowsEachStepAndOnlyLogLinesThePromptAndTheResultArePosted()
    {
        UseSteps(
            new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(600), LogMessage = "image sha256:abc123 built" },
            new SandboxStep("updateParameters", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100), LogMessage = "parameter /app/release = r-99.1.0" },
            Approve(),
            new SandboxStep("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(600) });
        Env.Aws.RunAutomations(Env.QueueUrl);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);

        var live = await Slack.WaitForMessageAsync(m => m.Ts == status.Ts && m.EditCount > 0 && m.Text.Contains("— step *", StringComparison.Ordinal), Wait);
        Assert.That(live.Text, Does.Match(@"is deploying \*app\* `r-99\.1\.0` — step \*(build|updateParameters|approve|rollout)\* — \d+s so far"));

        await Slack.WaitForMessageAsync(m => m.Ts == status.Ts && m.Text.Contains("waiting for approval", StringComparison.Ordinal), Wait);
        var prompt = await PromptIn(ts);
        await Slack.ClickButtonAsync(Bob, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(ExecutionId, "approve"));
        await BotReplyIn(ts, m => m.Text.StartsWith(":tada:", StringComparison.Ordinal));
        await WaitUntilAsync(() => Message(ts, status.Ts).Text.Contains("deployed in", StringComparison.Ordinal));
        await QueueDrainedAsync();

        TestContext.Out.WriteLine(Slack.RenderThread(DeployChannel, ts));
        Assert.Multiple(() =>
        {
            foreach (var step in new[] { "build", "updateParameters", "rollout" })
            {
                Assert.That(StepLines(ts, step), Is.Empty, step + " has no thread message of its own");
                Assert.That(StatusLineOf(ts, status.Ts, step), Does.Match($@"^:white_check_mark: \*{step}\* succeeded \(\d+s\)$"), step);
            }

            Assert.That(StatusLineOf(ts, status.Ts, "approve"), Does.Match(@"^:white_check_mark: \*approve\* approved \(\d+s\)$"));
            Assert.That(Message(ts, status.Ts).Text.Split('\n').Skip(1).Select(StepName), Is.EqualTo(new[] { "build", "updateParameters", "approve", "rollout" }), "in the document's order");
            Assert.That(BotMessagesIn(ts).Count(m => m.Text == ":memo: image sha256:abc123 built"), Is.EqualTo(1));
            Assert.That(BotMessagesIn(ts).Count(m => m.Text == ":memo: parameter /app/release = r-99.1.0"), Is.EqualTo(1));
            Assert.That(BotMessagesIn(ts), Has.Count.EqualTo(5), "the start reply, two log lines, the prompt and the result");
            Assert.That(Message(ts, status.Ts).Text, Does.Match(@"^:white_check_mark: \*app\* `r-99\.1\.0` deployed in \d+s\n"));
            Assert.That(Message(ts, status.Ts).EditCount, Is.GreaterThan(2), "edited in place as the release moved");
            Assert.That(BotMessagesIn(ts).Count(m => m.Text.StartsWith(":tada:", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AFailedReleaseNamesTheStepItsFailureAndTheConsole()
    {
        UseSteps(
            new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(300) },
            new SandboxStep("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100), Outcome = "Failed" },
            new SandboxStep("smokeTest", "aws:executeAwsApi"));
        Env.Aws.RunAutomations(Env.QueueUrl);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);
        var result = await ResultIn(ts);
        await WaitUntilAsync(() => Message(ts, status.Ts).Text.Contains("failed after", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Contain("failed at step *rollout*").And.Contain("> Step rollout failed."));
            Assert.That(result.Text, Does.Contain($"https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/{ExecutionId}"));
            Assert.That(StepLines(ts, "rollout").Single().Text, Does.Match(@"^:x: step \*rollout\* failed \(\d+s\)$"), "a failure is worth a post");
            Assert.That(StepLines(ts, "build"), Is.Empty);
            Assert.That(StepLines(ts, "smokeTest"), Is.Empty, "a step that never ran gets no line");
            Assert.That(BotMessagesIn(ts), Has.Count.EqualTo(3), "the start reply, rollout's failure and the result");
            Assert.That(Message(ts, status.Ts).Text, Does.Match(@"^:x: \*app\* `r-99\.1\.0` failed after \d+s\n"));
            Assert.That(StatusLineOf(ts, status.Ts, "build"), Does.Match(@"^:white_check_mark: \*build\* succeeded \(\d+s\)$"));
            Assert.That(StatusLineOf(ts, status.Ts, "rollout"), Does.Match(@"^:x: \*rollout\* failed \(\d+s\)$"));
            Assert.That(StatusLineOf(ts, status.Ts, "smokeTest"), Is.EqualTo(":heavy_minus_sign: *smokeTest* did not run"));
        });
        await WaitUntilAsync(async () => (await AuditLinesAsync()).Any(l => l.Contains("\"event\":\"end\"", StringComparison.Ordinal)));
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"event\":\"end\"").And.Contains("\"outcome\":\"Failed\""));
    }

    [Test]
    public async Task ATimedOutStepEndsTheReleaseAsTimedOut()
    {
        UseSteps(
            new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(300) },
            new SandboxStep("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100), Outcome = "TimedOut" });
        Env.Aws.RunAutomations(Env.QueueUrl);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);
        var result = await ResultIn(ts);
        await WaitUntilAsync(() => Message(ts, status.Ts).Text.Contains("timed out after", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Contain("timed out at step *rollout*"));
            Assert.That(StepLines(ts, "rollout").Single().Text, Does.StartWith(":alarm_clock: step *rollout* timed out"));
            Assert.That(StatusLineOf(ts, status.Ts, "rollout"), Does.StartWith(":alarm_clock: *rollout* timed out"));
        });
    }

    [Test]
    public async Task ACancelledReleaseSaysSoInTheStatusAndTheResult()
    {
        UseSteps(new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100) }, Approve());
        Env.Aws.RunAutomations(Env.QueueUrl);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);
        var prompt = await PromptIn(ts);
        await Say(Alice, $"cancel {ExecutionId}", threadTs: ts);
        var result = await ResultIn(ts);
        await WaitUntilAsync(() => Message(ts, status.Ts).Text.Contains("was cancelled after", StringComparison.Ordinal));
        await WaitUntilAsync(() => !HasButtons(Message(ts, prompt.Ts)));
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Contain("was cancelled"));
            Assert.That(Message(ts, prompt.Ts).Text, Does.Contain("cancelled before a decision"));
        });
    }

    [Test]
    public async Task AnApprovalThatTimesOutClosesThePromptAndLaterClicksAreTurnedAway()
    {
        UseSteps(new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100) }, Approve(TimeSpan.FromMilliseconds(800)));
        Env.Aws.RunAutomations(Env.QueueUrl);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var prompt = await PromptIn(ts);
        await ResultIn(ts);
        await WaitUntilAsync(() => !HasButtons(Message(ts, prompt.Ts)));
        Assert.That(Message(ts, prompt.Ts).Text, Does.Contain("timed out without a decision"));

        // Bob's client has not redrawn yet: his click on the old buttons still arrives.
        await Slack.SendEnvelopeAsync("interactive", ClickPayloads.Button(
            Slack.TeamId, Bob, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(ExecutionId, "approve")));
        var late = await EphemeralTo(Bob, ts);
        Assert.Multiple(() =>
        {
            Assert.That(late.Text, Does.Contain("no longer waiting"));
            Assert.That(Env.Aws.Calls.Where(c => c.Operation == "SendAutomationSignal"), Is.Empty);
        });
        var audit = await AuditLinesAsync();
        Assert.That(audit, Has.Some.Contains("\"event\":\"prompt\"").And.Contains("\"outcome\":\"posted\""));
        Assert.That(audit, Has.Some.Contains("\"event\":\"prompt\"").And.Contains("\"outcome\":\"ended\""));
        Assert.That(audit, Has.Some.Contains("\"outcome\":\"refused\"").And.Contains("already decided"));
    }

    [Test]
    public async Task EveryEventTwiceStillPostsEachLineOnce()
    {
        UseSteps(
            new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200), LogMessage = "image built" },
            Approve(),
            new SandboxStep("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) });
        await using var pump = EventPump.Start(Env.Aws, Env.Aws.CreateQueue("runner-events"), Env.QueueUrl, copies: 2);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);
        var prompt = await PromptIn(ts);
        await Slack.ClickButtonAsync(Erin, prompt.Channel, prompt.Ts, ApprovalMessages.RejectAction, ApprovalMessages.ButtonValue(ExecutionId, "approve"));
        await ResultIn(ts);
        await WaitUntilAsync(() => Env.Aws.Execution(ExecutionId).IsTerminal);
        await pump.CatchUpAsync();
        await QueueDrainedAsync();

        // Redelivered long after: a third copy of everything.
        foreach (var body in pump.Bodies)
        {
            Env.Aws.SendMessage(Env.QueueUrl, body);
        }

        await QueueDrainedAsync();
        TestContext.Out.WriteLine(Slack.RenderThread(DeployChannel, ts));
        Assert.Multiple(() =>
        {
            Assert.That(pump.Bodies, Has.Count.EqualTo(8), "step and execution events and the log line");
            Assert.That(StepLines(ts, "build"), Is.Empty);
            Assert.That(StepLines(ts, "approve"), Is.Empty, "the rejection is shown on the prompt, not as a step line");
            Assert.That(Message(ts, BotMessagesIn(ts).Single(IsPrompt).Ts).Text, Does.Contain("Rejected by"));
            Assert.That(StepLines(ts, "rollout"), Is.Empty);
            Assert.That(BotMessagesIn(ts), Has.Count.EqualTo(4), "the start reply, the log line, the prompt and the result, each once");
            Assert.That(StatusLineOf(ts, status.Ts, "approve"), Does.Match(@"^:no_entry_sign: \*approve\* rejected \(\d+s\)$"));
            Assert.That(StatusLineOf(ts, status.Ts, "rollout"), Is.EqualTo(":heavy_minus_sign: *rollout* did not run"));
            Assert.That(StatusLineOf(ts, status.Ts, "build"), Does.Match(@"^:white_check_mark: \*build\* succeeded \(\d+s\)$"));
            Assert.That(BotMessagesIn(ts).Count(m => m.Text == ":memo: image built"), Is.EqualTo(1));
            Assert.That(BotMessagesIn(ts).Count(IsPrompt), Is.EqualTo(1));
            Assert.That(BotMessagesIn(ts).Count(IsFailureResult), Is.EqualTo(1));
            Assert.That(Message(ts, status.Ts).Text, Does.Contain("was rejected after").And.Contain("not deployed"));
            Assert.That(BotMessagesIn(ts)[^1].Text, Does.StartWith(":no_entry_sign: *app* `r-99.1.0` was rejected at step *approve*"));
            Assert.That(Message(ts, prompt.Ts).Text, Does.Contain($"Rejected by <@{Erin}>"));
        });
        var audit = await AuditLinesAsync();
        Assert.That(audit, Has.One.Contains("\"event\":\"reject\"").And.Contains("\"outcome\":\"rejected\""));
        Assert.That(audit, Has.One.Contains("\"event\":\"end\""));
        Assert.That(audit, Has.One.Contains("\"event\":\"prompt\""));
    }

    [Test]
    public async Task AStepsEndDeliveredAfterTheExecutionsEndStillLeavesTheResultLast()
    {
        // The Sandbox session's ui release: clearCdn fails at once; the queue hands its step event over only after the
        // execution's Failed event has been handled and the result is out.
        UseSteps(
            new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
            new SandboxStep("clearCdn", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(50), Outcome = "Failed", FailureMessage = "CloudFront CreateInvalidation: AccessDenied" });
        static bool ClearCdnEnded(string body) =>
            Detail(body)["StepName"]?.GetValue<string>() == "clearCdn" && Detail(body)["Status"]!.GetValue<string>() == "Failed";
        await using var pump = EventPump.Start(Env.Aws, Env.Aws.CreateQueue("runner-events"), Env.QueueUrl, copies: 1, holdBack: ClearCdnEnded);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);
        var result = await ResultIn(ts);
        await WaitUntilAsync(() => Message(ts, status.Ts).Text.Contains("failed after", StringComparison.Ordinal));
        await QueueDrainedAsync();
        var atResult = Snapshot(ts);

        var late = pump.Held.Single();
        Env.Aws.SendMessage(Env.QueueUrl, late);
        Env.Aws.SendMessage(Env.QueueUrl, late);
        await QueueDrainedAsync();

        TestContext.Out.WriteLine(Slack.RenderThread(DeployChannel, ts));
        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Does.Contain("failed at step *clearCdn*").And.Contain("AccessDenied"));
            Assert.That(BotMessagesIn(ts)[^1].Ts, Is.EqualTo(result.Ts), "the result is the thread's last message");
            Assert.That(StepLines(ts, "clearCdn"), Has.Count.EqualTo(1), "reported with the result, not again when its event came");
            Assert.That(StepLines(ts, "clearCdn").Single().Text, Does.Match(@"^:x: step \*clearCdn\* failed \(\d+s\)$"));
            Assert.That(StepLines(ts, "build"), Is.Empty);
            Assert.That(StatusLineOf(ts, status.Ts, "build"), Does.Match(@"^:white_check_mark: \*build\* succeeded \(\d+s\)$"));
            Assert.That(StatusLineOf(ts, status.Ts, "clearCdn"), Does.Match(@"^:x: \*clearCdn\* failed \(\d+s\)$"), "the status message shows the step's end too");
            Assert.That(Snapshot(ts), Is.EqualTo(atResult), "the late event (twice) changed nothing");
        });
    }

    [Test]
    public async Task OlderEventsAfterTheEndChangeNothing()
    {
        UseSteps(new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) }, new SandboxStep("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) });
        await using var pump = EventPump.Start(Env.Aws, Env.Aws.CreateQueue("runner-events"), Env.QueueUrl, copies: 1);
        var ts = await Say(Alice, "run deploy app r-99.1.0");
        var status = await StatusMessageAsync(ts);
        await BotReplyIn(ts, m => m.Text.StartsWith(":tada:", StringComparison.Ordinal));
        await WaitUntilAsync(() => Message(ts, status.Ts).Text.Contains("deployed in", StringComparison.Ordinal));
        await pump.CatchUpAsync();
        await QueueDrainedAsync();
        var before = Snapshot(ts);
        var edits = Message(ts, status.Ts).EditCount;

        var running = pump.Bodies.First(b => Detail(b)["Status"]!.GetValue<string>() == "InProgress" && Detail(b)["StepName"] is null);
        var rolloutStarted = pump.Bodies.First(b => Detail(b)["StepName"]?.GetValue<string>() == "rollout" && Detail(b)["Status"]!.GetValue<string>() == "InProgress");
        Env.Aws.SendMessage(Env.QueueUrl, running);
        Env.Aws.SendMessage(Env.QueueUrl, rolloutStarted);
        await Logs.WaitForAsync(r => r.EventId == 2201 && r.Message.Contains("InProgress after Success", StringComparison.Ordinal), Wait);
        await QueueDrainedAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Snapshot(ts), Is.EqualTo(before), "nothing new posted, nothing edited");
            Assert.That(Message(ts, status.Ts).Text, Does.Contain("deployed in"));
            Assert.That(Message(ts, status.Ts).EditCount, Is.EqualTo(edits));
        });
    }

    [Test]
    public async Task EventsOfAnExecutionOutsideTheCatalogAreDeletedAndIgnored()
    {
        // A catalogued document started outside Slack is announced and gated (GateTests); any other document is not ours.
        Env.Aws.RegisterDocument("Console-Runbook", "1", [new SandboxStep("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(50), LogMessage = "console run" }]);
        Env.Aws.RunAutomations(Env.QueueUrl);
        var console = await StartOutsideSlackAsync("Console-Runbook", "1");
        var stranger = EventBridgeBody(Guid.NewGuid().ToString(), "Success");
        Env.Aws.SendMessage(Env.QueueUrl, stranger);
        await WaitUntilAsync(() => Env.Aws.Execution(console).IsTerminal);
        await QueueDrainedAsync();
        await Logs.WaitForAsync(r => r.EventId == 2200 && r.Message.Contains(console, StringComparison.Ordinal), Wait);

        Assert.Multiple(() =>
        {
            Assert.That(Slack.Messages(DeployChannel), Is.Empty);
            Assert.That(Slack.Calls.Where(c => c.Method.StartsWith("chat.", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Env.Aws.Calls.Where(c => c.Operation == "AddTagsToResource"), Is.Empty);
        });
    }

    [Test]
    public async Task AMalformedBodyIsLoggedAndLeftForTheDeadLetterQueue()
    {
        var id = Env.Aws.SendMessage(Env.QueueUrl, "{\"detail-type\": \"EC2 Automation Step Status-change Notification\", \"detail\": {");
        var warning = await Logs.WaitForAsync(r => r.EventId == 3007 && r.Message.Contains(id, StringComparison.Ordinal), Wait);
        await WaitUntilAsync(() => Env.Aws.Calls.Any(c => c.Operation == "ChangeMessageVisibility" && c.StatusCode == 200));

        var kept = Env.Aws.Messages(Env.QueueUrl).SingleOrDefault(m => m.MessageId == id);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.That(kept, Is.Not.Null, "not deleted: the redrive policy (maxReceiveCount 5) moves it to the DLQ");
            Assert.That(kept!.ReceiveCount, Is.EqualTo(1));
            Assert.That(Env.Aws.Calls.Where(c => c.Operation is "DeleteMessage" or "DeleteMessageBatch"), Is.Empty);
            Assert.That(Slack.Messages(DeployChannel), Is.Empty);
        });
    }

    private string ExecutionId => Env.Aws.Executions.Single().Id;

    private void UseSteps(SandboxStep first, params SandboxStep[] more) => Env.Aws.RegisterDocument("Deploy-App", "7", [first, .. more], Parameters);

    /// <summary>The start reply, which the daemon tags as the release's status message.</summary>
    private async Task<SlackMessageRecord> StatusMessageAsync(string ts)
    {
        var status = await BotReplyIn(ts);
        await WaitUntilAsync(() => Env.Aws.Executions.Single().Tags.GetValueOrDefault(ExecutionTags.StatusTs) == status.Ts);
        return status;
    }

    /// <summary>The final result of a release that did not go live (the status message says "failed" too, but links no console page).</summary>
    private Task<SlackMessageRecord> ResultIn(string ts) => BotReplyIn(ts, IsFailureResult);

    private static bool IsFailureResult(SlackMessageRecord m) =>
        (m.Text.StartsWith(":x: *app*", StringComparison.Ordinal) || m.Text.StartsWith(":no_entry_sign: *app*", StringComparison.Ordinal) || m.Text.StartsWith(":octagonal_sign: *app*", StringComparison.Ordinal)) && m.Text.Contains("|Open the execution in the AWS console>", StringComparison.Ordinal);

    private Task<SlackMessageRecord> PromptIn(string ts) => BotReplyIn(ts, IsPrompt);

    private static bool IsPrompt(SlackMessageRecord m) => m.Text.StartsWith(":raised_hand: Approval needed", StringComparison.Ordinal);

    private static bool HasButtons(SlackMessageRecord m) => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true;

    private SlackMessageRecord Message(string thread, string ts) => Slack.Thread(DeployChannel, thread).Single(m => m.Ts == ts);

    private List<SlackMessageRecord> StepLines(string ts, string step) =>
        [.. BotMessagesIn(ts).Where(m => Regex.IsMatch(m.Text, $@"^:[a-z_]+: step \*{step}\* "))];

    /// <summary>The status message's line for <paramref name="step"/>, empty when it shows none.</summary>
    private string StatusLineOf(string ts, string statusTs, string step) =>
        Message(ts, statusTs).Text.Split('\n').Skip(1).SingleOrDefault(l => StepName(l) == step) ?? "";

    private static string StepName(string statusLine) => Regex.Match(statusLine, @"^:[a-z_]+: \*(?<step>[^*]+)\* ").Groups["step"].Value;

    private string Snapshot(string ts) => string.Join('\n', Slack.Thread(DeployChannel, ts).Select(m => m.ToString()));

    private Task QueueDrainedAsync() => WaitUntilAsync(() => Env.Aws.Messages(Env.QueueUrl).Count == 0);

    private static JsonObject Detail(string body) => JsonNode.Parse(body)!["detail"]!.AsObject();

    private string EventBridgeBody(string executionId, string status) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "EC2 Automation Execution Status-change Notification",
        ["source"] = "aws.ssm",
        ["account"] = Env.Aws.AccountId,
        ["time"] = "2024-11-29T19:43:25Z",
        ["region"] = Env.Aws.Region,
        ["resources"] = new JsonArray($"arn:aws:ssm:{Env.Aws.Region}:{Env.Aws.AccountId}:automation-execution/{executionId}"),
        ["detail"] = new JsonObject
        {
            ["ExecutionId"] = executionId,
            ["Definition"] = "Deploy-App",
            ["DefinitionVersion"] = 7.0,
            ["Status"] = status,
            ["StartTime"] = "Nov 29, 2024 7:43:25 PM",
            ["EndTime"] = "Nov 29, 2024 7:45:25 PM",
            ["Time"] = 120000.0,
        },
    }.ToJsonString();

    /// <summary>An execution of the app document started in the AWS console: no Slack tags.</summary>
    private async Task<string> StartOutsideSlackAsync(string document = "Deploy-App", string version = "7")
    {
        using var ssm = SandboxClients.Ssm(Env.Aws);
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ReleaseTag"] = ["r-1.0.0"], ["RequestedBy"] = ["console"] };
        return await ssm.StartAutomationExecutionAsync(
            new StartAutomationRequest(document, version, parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>()), CancellationToken.None);
    }

    /// <summary>The runner sends to its own queue; the pump forwards every body to the daemon's queue, <c>copies</c> times
    /// (but those it is told to hold back), and keeps them for the test to send again later.</summary>
    private sealed class EventPump : IAsyncDisposable
    {
        private readonly AwsSandbox aws;
        private readonly string from;
        private readonly string to;
        private readonly int copies;
        private readonly Func<string, bool>? holdBack;
        private readonly List<string> held = [];
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly List<string> bodies = [];
        private readonly CancellationTokenSource stop = new();
        private Task loop = Task.CompletedTask;

        private EventPump(AwsSandbox aws, string from, string to, int copies, Func<string, bool>? holdBack)
        {
            this.aws = aws;
            this.from = from;
            this.to = to;
            this.copies = copies;
            this.holdBack = holdBack;
        }

        /// <summary>The bodies kept back (not forwarded) for the test to deliver when it chooses.</summary>
        public IReadOnlyList<string> Held
        {
            get
            {
                lock (seen)
                {
                    return [.. held];
                }
            }
        }

        public IReadOnlyList<string> Bodies
        {
            get
            {
                lock (seen)
                {
                    return [.. bodies];
                }
            }
        }

        public static EventPump Start(AwsSandbox aws, string from, string to, int copies, Func<string, bool>? holdBack = null)
        {
            var pump = new EventPump(aws, from, to, copies, holdBack);
            aws.RunAutomations(from);
            pump.loop = Task.Run(pump.RunAsync);
            return pump;
        }

        /// <summary>Forwards whatever the runner sent so far.</summary>
        public Task CatchUpAsync()
        {
            Forward();
            return Task.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }

        // Woken by the Sandbox each time a message lands on the runner's queue (not on a poll interval); the
        // forwarding itself runs here, outside the Sandbox's send.
        private async Task RunAsync()
        {
            using var sent = new SemaphoreSlim(0);
            void OnSent(string queueUrl, string body)
            {
                if (queueUrl == from)
                {
                    sent.Release();
                }
            }

            aws.MessageSent += OnSent;
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    Forward();
                    try
                    {
                        await sent.WaitAsync(stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
            finally
            {
                aws.MessageSent -= OnSent;
            }
        }

        private void Forward()
        {
            lock (seen)
            {
                foreach (var message in aws.Messages(from).Where(m => seen.Add(m.MessageId)))
                {
                    bodies.Add(message.Body);
                    if (holdBack?.Invoke(message.Body) == true)
                    {
                        held.Add(message.Body);
                        continue;
                    }

                    for (var i = 0; i < copies; i++)
                    {
                        aws.SendMessage(to, message.Body);
                    }
                }
            }
        }
    }
}
