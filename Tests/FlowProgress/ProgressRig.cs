using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Progress;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>The daemon's <see cref="ReleaseProgress"/> with its real collaborators, over fake SSM and Slack, following
/// one release of <c>app</c> whose start reply is already posted and recorded.</summary>
internal sealed class ProgressRig
{
    private ProgressRig(TimeSpan statusInterval, IReadOnlyDictionary<string, string>? moreTags)
    {
        var options = Options.Create(new DeployOptions
        {
            Channels = [Samples.Release().Channel],
            StatusUpdateInterval = statusInterval,
            Services = new(StringComparer.Ordinal)
            {
                ["app"] = new ServiceOptions
                {
                    Description = "Public API", Document = "Deploy-App", DocumentVersion = "7", VersionPattern = "^r-\\d+\\.\\d+\\.\\d+$", Example = "r-99.1.0",
                    Deployers = ["S0DEPLOYERS"], Approvers = ["U0BOB"],
                },
            },
        });
        var release = Samples.Release();
        StatusTs = Slack.PostStartReply($":rocket: <@{release.Requester}> is deploying *app* `{release.Version}`");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Thread] = $"{release.Channel}/{release.ThreadTs}",
            [ExecutionTags.Requester] = release.Requester,
            [ExecutionTags.Service] = release.Service,
            [ExecutionTags.Version] = release.Version,
            [ExecutionTags.StatusTs] = StatusTs,
        };
        foreach (var (key, value) in moreTags ?? new Dictionary<string, string>())
        {
            tags[key] = value;
        }

        Ssm = new FakeSsm(release.ExecutionId, Time.GetUtcNow(), tags);
        var links = new ExecutionLinks("us-east-1");
        var locks = new KeyedLock();
        var catalog = new ServiceCatalog(options);
        var loggers = Logs.CreateLoggerFactory();
        Editor = new StatusMessageEditor(Ssm, Slack, locks, links, options, Time, loggers.CreateLogger<StatusMessageEditor>());
        Progress = new ReleaseProgress(
            Ssm, Slack, new ReleaseDirectory(Ssm), States, locks,
            new ApprovalPrompter(Ssm, Slack, catalog, new ServiceHolds(new MemoryLockStore(), new FreezeCalendar(options, Time)), PromptClaims, Audit, links, Time, loggers.CreateLogger<ApprovalPrompter>()),
            Editor,
            links, Audit, options, Time, loggers.CreateLogger<ReleaseProgress>());
    }

    public TimerWatchingFakeTimeProvider Time { get; } = new();

    public FakeSlack Slack { get; } = new();

    public RecordingAudit Audit { get; } = new();

    public MemoryPromptClaims PromptClaims { get; } = new();

    public FakeLoggerProvider Logs { get; } = new();

    public ReleaseStateStore States { get; } = new();

    public FakeSsm Ssm { get; }

    public ReleaseProgress Progress { get; }

    public StatusMessageEditor Editor { get; }

    public string StatusTs { get; }

    public string ExecutionId => Ssm.ExecutionId;

    /// <param name="statusInterval">Deploy:StatusUpdateInterval; zero edits the status message on every event.</param>
    /// <param name="moreTags">Tags the execution already has (what an instance that followed it before recorded).</param>
    public static ProgressRig Create(TimeSpan? statusInterval = null, IReadOnlyDictionary<string, string>? moreTags = null) =>
        new(statusInterval ?? TimeSpan.Zero, moreTags);

    public Task<ProgressOutcome> Apply(AutomationEvent automationEvent) => Progress.ApplyAsync(automationEvent, CancellationToken.None);

    public async Task ApplyAll(IEnumerable<AutomationEvent> events)
    {
        foreach (var automationEvent in events)
        {
            Assert.That(await Apply(automationEvent), Is.EqualTo(ProgressOutcome.Applied), automationEvent.ToString());
        }
    }

    public StepStatusChanged Step(string name, string status, string action = "aws:executeAwsApi") => new(
        ExecutionId, "Deploy-App", "7", name, action, status, Ssm.Start,
        AutomationStatus.IsTerminal(status) ? Ssm.Start.AddSeconds(1) : null, $"{name}-{status}", Time.GetUtcNow());

    public ExecutionStatusChanged Execution(string status) => new(
        ExecutionId, "Deploy-App", "7", status, Ssm.Start,
        AutomationStatus.IsTerminal(status) ? Ssm.Start.AddSeconds(3) : null, $"execution-{status}", Time.GetUtcNow());

    /// <summary>SSM's record moves to the end of a release: every step ended, then the execution.</summary>
    public void EndInSsm(string executionStatus, params (string Name, string Status)[] steps)
    {
        foreach (var (name, status) in steps)
        {
            Ssm.SetStep(name, name == "approve" ? "aws:approve" : "aws:executeAwsApi", status, Ssm.Start.AddSeconds(1), status == "Success" ? null : name == "approve" ? "Rejected in Slack by erin (U0ERIN)" : $"Step {name} failed.");
        }

        Ssm.SetStatus(executionStatus);
    }
}
