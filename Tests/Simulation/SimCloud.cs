using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// What the instances share: SSM's executions (ClientToken idempotency as the Sandbox implements it), the lock table
/// (one item per service, every write a compare-and-set) and the Slack threads. Strongly consistent: the
/// simulation explores the orders of calls, not stale reads.
/// </summary>
internal sealed class SimCloud(TimeProvider time)
{
    private readonly Dictionary<string, SimExecution> byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LockHolder> locks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> threads = new(StringComparer.Ordinal);
    private int messages;

    public List<SimExecution> Executions { get; } = [];

    /// <summary>Starts that must fail (throttled after the SDK's retries) before anything runs.</summary>
    public int FailStarts { get; set; }

    public IReadOnlyDictionary<string, LockHolder> Locks => locks;

    public IReadOnlyList<string> Thread(string channel, string ts) =>
        threads.TryGetValue($"{channel}/{ts}", out var posted) ? posted : [];

    public string Start(StartAutomationRequest request)
    {
        if (byToken.TryGetValue(request.ClientToken, out var earlier))
        {
            return earlier.Id;
        }

        if (FailStarts > 0)
        {
            FailStarts--;
            throw new AwsException("ThrottlingException", "Rate exceeded", 400);
        }

        var eventTag = request.Tags[ExecutionTags.Event];
        if (Executions.FirstOrDefault(e => e.Running && e.Document == request.DocumentName) is { } running)
        {
            throw new SimViolationException($"double start: {eventTag} started while {running.Id} of {running.EventTag} runs");
        }

        var execution = new SimExecution($"exec-{Executions.Count + 1}", request.DocumentName, eventTag, time.GetUtcNow(), new(request.Tags, StringComparer.Ordinal));
        Executions.Add(execution);
        byToken[request.ClientToken] = execution;
        return execution.Id;
    }

    public SimExecution Execution(string id) =>
        Executions.FirstOrDefault(e => e.Id == id)
        ?? throw new AwsException("AutomationExecutionNotFoundException", $"Automation execution {id} not found", 400);

    public List<AutomationExecutionSummary> Running(string document) =>
        [.. Executions.Where(e => e.Running && e.Document == document).Select(e => new AutomationExecutionSummary(e.Id, e.Document, e.Status, e.Started, "arn:aws:iam::1:role/deployer"))];

    // The lock table: the same conditions DynamoDbLockStore sends (attribute_not_exists, #token = :token, #execution = :execution).
    public bool TryAcquire(LockHolder holder) => locks.TryAdd(holder.Service, holder);

    public bool TryReplace(string service, Func<LockHolder, bool> condition, Func<LockHolder, LockHolder?> next)
    {
        if (!locks.TryGetValue(service, out var current) || !condition(current))
        {
            return false;
        }

        if (next(current) is { } replacement)
        {
            locks[service] = replacement;
        }
        else
        {
            locks.Remove(service);
        }

        return true;
    }

    public LockHolder? Lock(string service) => locks.GetValueOrDefault(service);

    public string Post(string channel, string? thread, string text)
    {
        var ts = $"2000.{++messages:D6}";
        var key = $"{channel}/{thread ?? ts}";
        if (!threads.TryGetValue(key, out var posted))
        {
            threads[key] = posted = [];
        }

        posted.Add(text);
        return ts;
    }
}

/// <summary>An execution in the simulated SSM; the world ends it when the schedule says so.</summary>
internal sealed class SimExecution(string id, string document, string eventTag, DateTimeOffset started, Dictionary<string, string> tags)
{
    public string Id { get; } = id;

    public string Document { get; } = document;

    public string EventTag { get; } = eventTag;

    public DateTimeOffset Started { get; } = started;

    public Dictionary<string, string> Tags { get; } = tags;

    public string Status { get; set; } = "InProgress";

    public bool Running => Status == "InProgress";

    public override string ToString() => $"{Id}({EventTag}, {Status})";
}
