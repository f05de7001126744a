using System.Collections.Frozen;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws;

/// <summary>The SSM calls of <see cref="ISsm"/> over the AWS SDK.</summary>
public sealed class Ssm : ISsm, IDisposable
{
    /// <summary>Every SSM operation this client calls (for IAM policy checks).</summary>
    public static readonly FrozenSet<string> Operations = new[]
    {
        "StartAutomationExecution", "DescribeAutomationExecutions", "GetAutomationExecution", "ListTagsForResource",
        "AddTagsToResource", "SendAutomationSignal", "StopAutomationExecution", "DescribeDocument",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly IAmazonSimpleSystemsManagement _client;

    /// <summary>Creates the client from the Aws options: endpoint Aws:SsmServiceUrl, else the region's; the SDK's credential chain unless <paramref name="credentials"/> is given.</summary>
    public Ssm(IOptions<AwsOptions> options, ILogger<Ssm> logger, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var aws = options.Value;
        var config = AwsSdkClients.Configure(new AmazonSimpleSystemsManagementConfig(), aws.SsmServiceUrl, AwsSdkClients.Region(aws), aws.CallTimeout);
        _client = new LoggedSsmClient(credentials, config, logger);
    }

    /// <summary>Creates the client over a prepared SDK client (tests).</summary>
    public Ssm(IAmazonSimpleSystemsManagement client) => _client = client;

    /// <inheritdoc />
    public async Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = new StartAutomationExecutionRequest
        {
            DocumentName = request.DocumentName,
            DocumentVersion = request.DocumentVersion,
            Parameters = request.Parameters.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
            // The SDK sends no ClientToken of its own: ours makes a redelivered request start nothing new.
            ClientToken = request.ClientToken,
            Tags = TagList(request.Tags),
        };
        var answer = await AwsSdkCall.RunAsync(() => _client.StartAutomationExecutionAsync(start, cancellationToken));
        return answer.AutomationExecutionId;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(
        string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken)
    {
        var found = new List<AutomationExecutionSummary>();
        string? nextToken = null;
        do
        {
            var page = await DescribeAutomationExecutionsPageAsync(documentName, statuses, nextToken, cancellationToken);
            found.AddRange(page.Executions);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);
        return found;
    }

    /// <inheritdoc />
    public async Task<AutomationExecutionPage> DescribeAutomationExecutionsPageAsync(
        string documentName, IReadOnlyCollection<string> statuses, string? nextToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var filters = new List<AutomationExecutionFilter> { new() { Key = AutomationExecutionFilterKey.DocumentNamePrefix, Values = [documentName] } };
        if (statuses.Count > 0)
            filters.Add(new() { Key = AutomationExecutionFilterKey.ExecutionStatus, Values = [.. statuses] });
        var request = new DescribeAutomationExecutionsRequest { Filters = filters, MaxResults = 50, NextToken = nextToken };
        var answer = await AwsSdkCall.RunAsync(() => _client.DescribeAutomationExecutionsAsync(request, cancellationToken));
        // The only filter on the name is a prefix: "Deploy-App" also matches "Deploy-App-Canary".
        var rows = (answer.AutomationExecutionMetadataList ?? [])
            .Where(m => m.DocumentName == documentName)
            .Select(m => new AutomationExecutionSummary(
                m.AutomationExecutionId, documentName, m.AutomationExecutionStatus?.Value ?? "", SsmMapping.Of(m.ExecutionStartTime), m.ExecutedBy)
            {
                EndTime = SsmMapping.Of(m.ExecutionEndTime),
            })
            .ToList();
        return new AutomationExecutionPage(rows, string.IsNullOrEmpty(answer.NextToken) ? null : answer.NextToken);
    }

    /// <inheritdoc />
    public async Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        var answer = await AwsSdkCall.RunAsync(() => _client.GetAutomationExecutionAsync(
            new GetAutomationExecutionRequest { AutomationExecutionId = executionId }, cancellationToken));
        return SsmMapping.Execution(answer.AutomationExecution
            ?? throw new AwsException("MalformedResponse", "GetAutomationExecution answered no AutomationExecution.", 200));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken)
    {
        var request = new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Automation, ResourceId = executionId };
        var answer = await AwsSdkCall.RunAsync(() => _client.ListTagsForResourceAsync(request, cancellationToken));
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in answer.TagList ?? [])
            tags[tag.Key] = tag.Value ?? "";
        return tags;
    }

    /// <inheritdoc />
    public Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var request = new AddTagsToResourceRequest { ResourceType = ResourceTypeForTagging.Automation, ResourceId = executionId, Tags = TagList(tags) };
        return AwsSdkCall.RunAsync(() => _client.AddTagsToResourceAsync(request, cancellationToken));
    }

    /// <inheritdoc />
    public Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken)
    {
        var request = new SendAutomationSignalRequest
        {
            AutomationExecutionId = executionId,
            SignalType = SignalType.FindValue(signalType),
            Payload = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["Comment"] = [comment] },
        };
        return AwsSdkCall.RunAsync(() => _client.SendAutomationSignalAsync(request, cancellationToken));
    }

    /// <inheritdoc />
    public Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        AwsSdkCall.RunAsync(() => _client.StopAutomationExecutionAsync(
            new StopAutomationExecutionRequest { AutomationExecutionId = executionId, Type = StopType.Cancel }, cancellationToken));

    /// <summary>DescribeDocument of one version; returns the document's Status (e.g. <c>Active</c>).</summary>
    public async Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken)
    {
        var answer = await AwsSdkCall.RunAsync(() => _client.DescribeDocumentAsync(
            new DescribeDocumentRequest { Name = name, DocumentVersion = version }, cancellationToken));
        return answer.Document?.Status?.Value ?? answer.Document?.DocumentVersion ?? "";
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static List<Tag> TagList(IReadOnlyDictionary<string, string> tags) => [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })];
}
