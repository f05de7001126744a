using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.Changes;

/// <summary>SSM as the history reads it: executions with statuses, times and tags, listed newest first in pages.</summary>
internal sealed class HistorySsm(int pageSize = 3) : ISsm
{
    private readonly List<(AutomationExecutionSummary Summary, Dictionary<string, string> Tags)> executions = [];
    private readonly DateTimeOffset origin = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public int Pages { get; private set; }

    public int TagReads { get; private set; }

    /// <summary>Adds an execution started <paramref name="minutes"/> after 09:00 that took 2 minutes (if it ended).</summary>
    public string Add(string service, string version, string status, int minutes, string document = "Deploy-App", IReadOnlyDictionary<string, string>? extra = null, bool fromSlack = true)
    {
        var id = $"00000000-0000-4000-8000-{executions.Count:D12}";
        var start = origin.AddMinutes(minutes);
        var ended = status is "InProgress" or "Waiting" or "Pending" ? (DateTimeOffset?)null : start.AddMinutes(2);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fromSlack)
        {
            tags[ExecutionTags.Thread] = "C0123PRODDEPLOY/1700000000.000100";
            tags[ExecutionTags.Requester] = "U0ALICE";
            tags[ExecutionTags.Service] = service;
            tags[ExecutionTags.Version] = version;
            tags[ExecutionTags.StatusTs] = "1700000000.000200";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            tags[key] = value;
        executions.Add((new AutomationExecutionSummary(id, document, status, start, null) { EndTime = ended }, tags));
        return id;
    }

    public Task<AutomationExecutionPage> DescribeAutomationExecutionsPageAsync(
        string documentName, IReadOnlyCollection<string> statuses, string? nextToken, CancellationToken cancellationToken)
    {
        Pages++;
        var rows = executions.Select(e => e.Summary)
            .Where(s => s.DocumentName == documentName && (statuses.Count == 0 || statuses.Contains(s.Status)))
            .OrderByDescending(s => s.StartTime).ToList();
        var offset = nextToken is null ? 0 : int.Parse(nextToken, System.Globalization.CultureInfo.InvariantCulture);
        var next = offset + pageSize < rows.Count ? (offset + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new AutomationExecutionPage([.. rows.Skip(offset).Take(pageSize)], next));
    }

    public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken)
    {
        TagReads++;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(executions.Single(e => e.Summary.ExecutionId == executionId).Tags);
    }

    public async Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(
        string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken)
    {
        var all = new List<AutomationExecutionSummary>();
        string? token = null;
        do
        {
            var page = await DescribeAutomationExecutionsPageAsync(documentName, statuses, token, cancellationToken);
            all.AddRange(page.Executions);
            token = page.NextToken;
        }
        while (token is not null);
        return all;
    }

    // The history only lists and reads tags; these calls belong to releasing.
    public Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken) => Unused<string>();

    public Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) => Unused<AutomationExecution>();

    public Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => Unused<bool>();

    public Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken) => Unused<bool>();

    public Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) => Unused<bool>();

    public Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken) => Unused<string>();

    private static Task<T> Unused<T>() => Task.FromException<T>(new AwsException("UnexpectedCall", "reading the history never makes this call", 400));
}
