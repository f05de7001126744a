using Microsoft.Extensions.Logging.Testing;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Aws;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Hostile;

/// <summary>
/// The hostile-input corpus, through the real Socket Mode websocket and the real SQS queue, against one daemon with two
/// releases waiting for approval. Every case gets its expected answer (or silence), costs no SSM start, signal or stop,
/// echoes no live markup, is audited when a person was refused, and leaves a daemon that still answers <c>help</c>.
/// </summary>
[NonParallelizable]
public sealed partial class HostileCorpusTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static readonly string[] Mutations = ["StartAutomationExecution", "SendAutomationSignal", "StopAutomationExecution"];

    private SandboxEnvironment env = null!;
    private DaemonInstance daemon = null!;
    private FakeLoggerProvider logs = null!;
    private CorpusDriver driver = null!;

    private SlackWorkspace Slack => env.Slack;

    public static IEnumerable<TestCaseData> Cases() =>
        SocketModeCases.All().Concat(MentionCases.All()).Concat(QueueCases.All())
            .Select(c => new TestCaseData(c).SetArgDisplayNames(c.ToString()));

    [OneTimeSetUp]
    public async Task StartTwoReleasesWaitingForApproval()
    {
        env = await SandboxEnvironment.StartAsync();
        env.Aws.RunAutomations(env.QueueUrl);
        logs = new FakeLoggerProvider();
        // The corpus sends its refusals one after another from the same people and expects each one answered: the
        // per-person refusal throttle (tested on its own) is opened as wide as validation allows.
        // The waiting releases' status messages show their elapsed time, edited once per StatusUpdateInterval: the
        // longest allowed keeps that edit out of the cases, which assert that nothing is edited.
        daemon = DaemonInstance.Start(env, logs.AddTo, "--Slack:Pacing:RefusalsPerPerson=100", "--Slack:Pacing:RefusalWindow=00:00:01",
            "--Deploy:StatusUpdateInterval=00:10:00");
        await Slack.WaitForConnectionsAsync(2, Wait);

        var (app, appThread, appPrompt, appStatus) = await DeployUntilPromptAsync("app r-99.1.0", "Deploy-App");
        var (ui, _, _, _) = await DeployUntilPromptAsync("ui r-80.0.0", "Deploy-UI");
        // A runbook outside the catalog, started from the console: not a release (a catalogued one would be announced).
        env.Aws.RegisterDocument("Console-Runbook", "1", SandboxDocuments.AppSteps);
        var console = await StartOutsideSlackAsync();
        await UntilAsync(() => env.Aws.Execution(console).Status == "Waiting" && env.Aws.Messages(env.QueueUrl).Count == 0, "the console run waits and the queue is drained");
        driver = new CorpusDriver(env, new Releases(app, appThread, appPrompt, appStatus, ui, console));
    }

    [OneTimeTearDown]
    public async Task StopDaemonAndSandbox()
    {
        if (daemon is not null)
        {
            await daemon.StopAsync();
            await daemon.DisposeAsync();
        }

        if (env is not null)
        {
            await env.DisposeAsync();
        }

        logs?.Dispose();
    }

    [Test]
    public void TheCorpusHoldsAtLeast200DistinctCases()
    {
        var names = Cases().Select(c => c.Arguments[0]!.ToString()).ToList();
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(200).And.Unique);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task HostileInputGetsTheRightAnswerAndNothingElse(HostileCase hostile)
    {
        var before = await SnapshotAsync();
        var sent = await hostile.Send(driver);
        var expect = hostile.Expect;
        try
        {
            await AwaitAnswerAsync(before, sent, expect);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No {expect.Answer} {expect.Containing} in time. Logged meanwhile:\n{string.Join('\n', logs.Records.Where(r => !before.Logs.Contains(r)))}\nSaid:\n{string.Join('\n', NewBotMessages(before))}");
        }

        if (expect.Answer == Answer.QueueRetained)
        {
            Assert.That(env.Aws.Messages(env.QueueUrl).Select(m => m.MessageId), Has.Member(sent.MessageId), "left for the redrive policy");
        }

        await AssertNothingElseAsync(before, sent, expect);
        await AssertStillAnswersAsync();
    }

    private async Task AwaitAnswerAsync(Snapshot before, Sent sent, Expect expect)
    {
        switch (expect.Answer)
        {
            case Answer.ThreadReply:
                await NewBotMessageAsync(before, m => m.EphemeralFor is null && m.ThreadTs == sent.Thread && m.Text.Contains(expect.Containing!, StringComparison.Ordinal));
                break;
            case Answer.Ephemeral:
                await NewBotMessageAsync(before, m => m.EphemeralFor == sent.User && m.Text.Contains(expect.Containing!, StringComparison.Ordinal));
                break;
            case Answer.Silence:
            case Answer.QueueRetained:
                await logs.WaitForAsync(r => r.EventId == expect.LogEventId && !before.Logs.Contains(r)
                    && (sent.Markers.Count == 0 || sent.Markers.Any(id => r.Message.Contains(id, StringComparison.Ordinal))), Wait);
                break;
            case Answer.QueueDeleted:
                await UntilAsync(() => env.Aws.Messages(env.QueueUrl).All(m => m.MessageId != sent.MessageId), "the message is deleted");
                break;
        }
    }

    private async Task AssertNothingElseAsync(Snapshot before, Sent sent, Expect expect)
    {
        var refused = expect.Audited ? await UntilRefusedCountAsync(before.Refused + 1) : await RefusedCountAsync();
        var said = NewBotMessages(before);
        var slackCalls = Slack.Calls.Skip(before.SlackCalls).Select(c => c.Method).ToList();
        var awsCalls = env.Aws.Calls.Skip(before.AwsCalls).Select(c => c.Operation).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(daemon.Exit.IsCompleted, Is.False, "the daemon is running");
            Assert.That(Slack.OpenConnections, Is.EqualTo(2), "both Socket Mode connections are open");
            Assert.That(awsCalls, Has.None.AnyOf(Mutations), "nothing started, signalled or stopped");
            Assert.That(slackCalls, Has.None.EqualTo("chat.update"),
                () => "nothing edited; edits: " + string.Join('\n', Slack.Calls.Skip(before.SlackCalls).Where(c => c.Method == "chat.update").Select(c => c.Arguments["text"]?.ToString())));
            Assert.That(said, Has.Count.EqualTo(expect.Answer is Answer.ThreadReply or Answer.Ephemeral ? 1 : 0), () => "said:\n" + string.Join('\n', said));
            Assert.That(refused, Is.EqualTo(before.Refused + (expect.Audited ? 1 : 0)), "refused audit lines");
            foreach (var message in said)
            {
                Assert.That(LiveMarkup(message, sent.User), Is.Empty, () => $"live markup in {message}");
            }

            foreach (var execution in new[] { driver.Releases.AppExecution, driver.Releases.UiExecution, driver.Releases.ConsoleExecution })
            {
                Assert.That(env.Aws.Execution(execution).Status, Is.EqualTo("Waiting"));
                Assert.That(env.Aws.Execution(execution).Signals, Is.Empty);
            }

            Assert.That(Slack.Thread(DeployChannel, driver.Releases.AppThread).Single(m => m.Ts == driver.Releases.AppPromptTs).EditCount, Is.Zero, "the prompt is untouched");
        });
    }

    /// <summary>Pings, forged links and mentions a reply must never carry; the releases' requester may be named.</summary>
    private IEnumerable<string> LiveMarkup(SlackMessageRecord message, string? sender)
    {
        var text = message.Text + "\n" + message.Blocks?.ToJsonString();
        var console = $"<https://{env.Aws.Region}.console.aws.amazon.com/";
        foreach (Match markup in SlackMarkup().Matches(text))
        {
            var value = markup.Value;
            var allowed = value.StartsWith(console, StringComparison.Ordinal) || value == $"<@{Alice}>" || value == $"<@{sender}>";
            if (!allowed)
            {
                yield return value;
            }
        }

        foreach (Match ping in PlainPing().Matches(text))
        {
            yield return ping.Value;
        }
    }

    private async Task AssertStillAnswersAsync()
    {
        var ts = await Slack.PostUserMessageAsync(DeployChannel, Carol, $"<@{Slack.BotUserId}> help");
        await Slack.WaitForMessageAsync(m => m.IsBot && m.ThreadTs == ts && m.Text.Contains("run deploy", StringComparison.Ordinal), Wait);
    }

    private async Task<(string Execution, string Thread, string PromptTs, string StatusTs)> DeployUntilPromptAsync(string what, string document)
    {
        var thread = await Slack.PostUserMessageAsync(DeployChannel, Alice, $"<@{Slack.BotUserId}> run deploy {what}");
        var prompt = await Slack.WaitForMessageAsync(
            m => m.IsBot && m.ThreadTs == thread && m.Text.StartsWith(":raised_hand: Approval needed", StringComparison.Ordinal), Wait);
        var execution = env.Aws.Executions.Single(e => e.Document.Name == document);
        await UntilAsync(() => Core.Flow.Approval.ApprovalTags.From(execution.Tags).PromptTs == prompt.Ts, "the prompt is tagged");
        var status = Slack.Thread(DeployChannel, thread).First(m => m.IsBot);
        return (execution.Id, thread, prompt.Ts, status.Ts);
    }

    private async Task<string> StartOutsideSlackAsync()
    {
        using var ssm = SandboxClients.Ssm(env.Aws);
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ReleaseTag"] = ["r-1.0.0"], ["RequestedBy"] = ["console"] };
        return await ssm.StartAutomationExecutionAsync(
            new StartAutomationRequest("Console-Runbook", "1", parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>()), CancellationToken.None);
    }

    [GeneratedRegex("<[!@#][^>]*>|<(?:https?|mailto|ftp|file|javascript):[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlackMarkup();

    [GeneratedRegex("@(?:channel|here|everyone)\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlainPing();
}
