using System.Globalization;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>One execution as SSM knows it: its status, its steps and its tags. The test moves it along.</summary>
internal sealed class FakeSsm : ISsm
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> tags = new(StringComparer.Ordinal);
    private readonly List<StepExecution> steps = [];
    private string status = "InProgress";

    public FakeSsm(string executionId, DateTimeOffset start, IReadOnlyDictionary<string, string> releaseTags)
    {
        ExecutionId = executionId;
        Start = start;
        foreach (var (key, value) in releaseTags)
        {
            tags[key] = value;
        }
    }

    public string ExecutionId { get; }

    public DateTimeOffset Start { get; }

    public IReadOnlyDictionary<string, string> Tags
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, string>(tags, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>A step reaches a status (added in document order the first time it is named).</summary>
    public void SetStep(string name, string action, string stepStatus, DateTimeOffset? end = null, string? failure = null)
    {
        lock (gate)
        {
            var index = steps.FindIndex(s => s.StepName == name);
            var step = new StepExecution(name, action, stepStatus, $"{name}-1", Start, end, failure, new Dictionary<string, string>());
            if (index < 0)
            {
                steps.Add(step);
            }
            else
            {
                steps[index] = step;
            }
        }
    }

    public void SetStatus(string executionStatus)
    {
        lock (gate)
        {
            status = executionStatus;
        }
    }

    public Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var failed = steps.FirstOrDefault(s => s.Status is "Failed" or "TimedOut" or "Cancelled");
            var ended = steps.Count > 0 && steps.All(s => s.EndTime is not null) ? steps.Max(s => s.EndTime) : null;
            return Task.FromResult(new AutomationExecution(
                executionId, "Deploy-App", "7", status, Start, ended, failed?.FailureMessage, steps.LastOrDefault()?.StepName, steps.LastOrDefault()?.Action, [.. steps]));
        }
    }

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken) =>
        Task.FromResult(Tags);

    public Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> added, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var (key, value) in added)
            {
                tags[key] = value;
            }
        }

        return Task.CompletedTask;
    }

    // The calls below belong to starting, approving and cancelling, which these tests do not exercise.
    public Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken) => Unused<string>();

    public Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(
        string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken) => Unused<IReadOnlyList<AutomationExecutionSummary>>();

    public Task<AutomationExecutionPage> DescribeAutomationExecutionsPageAsync(
        string documentName, IReadOnlyCollection<string> statuses, string? nextToken, CancellationToken cancellationToken) => Unused<AutomationExecutionPage>();

    public Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken) => Unused<bool>();

    public Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) => Unused<bool>();

    public Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken) => Unused<string>();

    private static Task<T> Unused<T>() => Task.FromException<T>(new AwsException("UnexpectedCall", "the progress of a release never makes this call", 400));
}

/// <summary>A Slack channel with one thread: posts get increasing ts, edits replace the text; a test can hold a call
/// in flight (the message is not in the thread until the call is let go).</summary>
internal sealed class FakeSlack : ISlackApi
{
    private readonly Lock gate = new();
    private readonly List<(string Ts, string Text)> thread = [];
    private readonly List<(string Ts, string Text)> edits = [];
    private int next = 300;

    /// <summary>Called before each post or edit takes effect; the call waits for the returned task.</summary>
    public Func<string, SlackMessage, Task>? BeforeCall { get; set; }

    /// <summary>The thread's bot messages in Slack's order, as they read now.</summary>
    public IReadOnlyList<string> Thread
    {
        get
        {
            lock (gate)
            {
                return [.. thread.Select(m => m.Text)];
            }
        }
    }

    /// <summary>Every chat.update, in the order Slack applied them.</summary>
    public IReadOnlyList<(string Ts, string Text)> Edits
    {
        get
        {
            lock (gate)
            {
                return [.. edits];
            }
        }
    }

    public string TextOf(string ts)
    {
        lock (gate)
        {
            return thread.Single(m => m.Ts == ts).Text;
        }
    }

    /// <summary>The start reply, as the deploy request posts it before any event arrives.</summary>
    public string PostStartReply(string text)
    {
        lock (gate)
        {
            var ts = NextTs();
            thread.Add((ts, text));
            return ts;
        }
    }

    public async Task<string> PostMessageAsync(string channel, string? threadTs, SlackMessage message, PostPriority priority, CancellationToken cancellationToken)
    {
        await (BeforeCall?.Invoke("chat.postMessage", message) ?? Task.CompletedTask);
        lock (gate)
        {
            var ts = NextTs();
            thread.Add((ts, message.Text));
            return ts;
        }
    }

    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        await (BeforeCall?.Invoke("chat.update", message) ?? Task.CompletedTask);
        lock (gate)
        {
            var index = thread.FindIndex(m => m.Ts == ts);
            thread[index] = (ts, message.Text);
            edits.Add((ts, message.Text));
        }
    }

    // The calls below belong to connecting, commands and clicks, which these tests do not exercise.
    public Task PostEphemeralAsync(string channel, string user, string? threadTs, SlackMessage message, CancellationToken cancellationToken) => Unused<bool>();

    public Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken) => Unused<Uri>();

    public Task<SlackIdentity> AuthTestAsync(CancellationToken cancellationToken) => Unused<SlackIdentity>();

    public Task<IReadOnlyList<string>> GetUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken) => Unused<IReadOnlyList<string>>();

    public Task<string> GetUserNameAsync(string userId, CancellationToken cancellationToken) => Unused<string>();

    public Task<string> GetUserGroupHandleAsync(string userGroupId, CancellationToken cancellationToken) => Unused<string>();

    public Task<string?> LookupUserIdByEmailAsync(string email, CancellationToken cancellationToken) => Unused<string?>();

    private string NextTs() => string.Create(CultureInfo.InvariantCulture, $"1700000000.000{next++}");

    private static Task<T> Unused<T>() => Task.FromException<T>(new SlackApiException("unexpected", "the progress of a release never makes this call"));
}

internal sealed class RecordingAudit : IAuditLog
{
    private readonly List<AuditEntry> entries = [];

    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (entries)
        {
            entries.Add(entry);
        }

        return Task.CompletedTask;
    }
}
