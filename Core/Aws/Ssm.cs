using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Aws;

/// <summary>The SSM calls of <see cref="ISsm"/> over AWS JSON 1.1.</summary>
public sealed class Ssm : ISsm
{
    /// <summary>Every SSM operation this client calls (for IAM policy checks).</summary>
    public static readonly FrozenSet<string> Operations = new[]
    {
        "StartAutomationExecution", "DescribeAutomationExecutions", "GetAutomationExecution", "ListTagsForResource",
        "AddTagsToResource", "SendAutomationSignal", "StopAutomationExecution", "DescribeDocument",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly AwsJsonClient _client;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the client from the Aws options: endpoint Aws:SsmServiceUrl, else the region's.</summary>
    public Ssm(IOptions<AwsOptions> options, HttpClient http, IAwsCredentials credentials, TimeProvider time, ILogger<Ssm> logger)
        : this(Create(options.Value, http, credentials, time, logger), options.Value.CallTimeout)
    {
    }

    /// <summary>Creates the client over a prepared <see cref="AwsJsonClient"/> (custom retry settings, tests).</summary>
    public Ssm(AwsJsonClient client, TimeSpan callTimeout)
    {
        _client = client;
        _timeout = callTimeout;
    }

    /// <inheritdoc />
    public async Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new JsonObject();
        foreach (var (name, values) in request.Parameters)
            parameters[name] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
        var body = new JsonObject
        {
            ["DocumentName"] = request.DocumentName,
            ["DocumentVersion"] = request.DocumentVersion,
            ["Parameters"] = parameters,
            ["ClientToken"] = request.ClientToken,
            ["Tags"] = TagList(request.Tags),
        };
        var answer = await CallAsync("StartAutomationExecution", body, cancellationToken);
        return answer.RequiredString("AutomationExecutionId");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(
        string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var found = new List<AutomationExecutionSummary>();
        string? nextToken = null;
        do
        {
            var filters = new JsonArray { Filter("DocumentNamePrefix", [documentName]) };
            if (statuses.Count > 0)
                filters.Add(Filter("ExecutionStatus", statuses));
            var body = new JsonObject { ["Filters"] = filters, ["MaxResults"] = 50 };
            if (nextToken is not null)
                body["NextToken"] = nextToken;
            var answer = await CallAsync("DescribeAutomationExecutions", body, cancellationToken);
            // The only filter on the name is a prefix: "Deploy-App" also matches "Deploy-App-Canary".
            found.AddRange(answer.Array("AutomationExecutionMetadataList")
                .Where(m => m.String("DocumentName") == documentName)
                .Select(m => new AutomationExecutionSummary(
                    m.RequiredString("AutomationExecutionId"), documentName, m.String("AutomationExecutionStatus") ?? "",
                    m.EpochSeconds("ExecutionStartTime"), m.String("ExecutedBy"))));
            nextToken = answer.String("NextToken");
        }
        while (!string.IsNullOrEmpty(nextToken));
        return found;
    }

    /// <inheritdoc />
    public async Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("GetAutomationExecution", new JsonObject { ["AutomationExecutionId"] = executionId }, cancellationToken);
        return SsmParsing.Execution(answer.Member("AutomationExecution"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["ResourceType"] = "Automation", ["ResourceId"] = executionId };
        var answer = await CallAsync("ListTagsForResource", body, cancellationToken);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in answer.Array("TagList"))
            tags[tag.RequiredString("Key")] = tag.String("Value") ?? "";
        return tags;
    }

    /// <inheritdoc />
    public Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        CallAsync("AddTagsToResource", new JsonObject { ["ResourceType"] = "Automation", ["ResourceId"] = executionId, ["Tags"] = TagList(tags) }, cancellationToken);

    /// <inheritdoc />
    public Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken) =>
        CallAsync("SendAutomationSignal", new JsonObject
        {
            ["AutomationExecutionId"] = executionId,
            ["SignalType"] = signalType,
            ["Payload"] = new JsonObject { ["Comment"] = new JsonArray(comment) },
        }, cancellationToken);

    /// <inheritdoc />
    public Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        CallAsync("StopAutomationExecution", new JsonObject { ["AutomationExecutionId"] = executionId, ["Type"] = "Cancel" }, cancellationToken);

    /// <summary>DescribeDocument of one version; returns the document's Status (e.g. <c>Active</c>).</summary>
    public async Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken)
    {
        var answer = await CallAsync("DescribeDocument", new JsonObject { ["Name"] = name, ["DocumentVersion"] = version }, cancellationToken);
        var document = answer.Member("Document");
        return document.String("Status") ?? document.String("DocumentVersion") ?? "";
    }

    private Task<JsonElement> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken) =>
        _client.SendAsync(operation, body, _timeout, cancellationToken);

    private static JsonArray TagList(IReadOnlyDictionary<string, string> tags) =>
        [.. tags.Select(t => (JsonNode?)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })];

    private static JsonObject Filter(string key, IEnumerable<string> values) =>
        new() { ["Key"] = key, ["Values"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]) };

    private static AwsJsonClient Create(AwsOptions options, HttpClient http, IAwsCredentials credentials, TimeProvider time, ILogger logger)
    {
        var region = AwsRegion.Resolve(options.Region);
        var endpoint = options.SsmServiceUrl ?? AwsJsonProtocol.Ssm.RegionalEndpoint(region);
        return new AwsJsonClient(http, AwsJsonProtocol.Ssm, endpoint, region, credentials, time, logger);
    }
}
