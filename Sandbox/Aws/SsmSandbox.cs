using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>The SSM Automation side of the sandbox: documents, executions, tags, signals, with AWS's validation and errors.</summary>
internal sealed partial class SsmSandbox(AwsSandboxOptions options) : IAwsSandboxService
{
    private const int MaxTagsAtStart = 5;
    private const int MaxTagsPerResource = 50;

    private readonly object _gate = new();
    private readonly Dictionary<string, List<SandboxDocument>> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxExecution> _executions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Fingerprint, string ExecutionId)> _tokens = new(StringComparer.Ordinal);

    public string TargetPrefix => "AmazonSSM";

    public string SigningName => "ssm";

    public string ContentType => "application/x-amz-json-1.1";

    public bool QueryCompatible => false;

    public string ErrorNamespace => "com.amazonaws.ssm";

    /// <summary>Called (outside the lock) after an execution started; the automation runner hooks in here.</summary>
    public Action<SandboxExecution>? Started { get; set; }

    /// <summary>Called (outside the lock) after a signal or stop request reached a running execution.</summary>
    public Action<SandboxExecution>? Changed { get; set; }

    public object Gate => _gate;

    public void RegisterDocument(SandboxDocument document)
    {
        lock (_gate)
        {
            if (!_documents.TryGetValue(document.Name, out var versions))
                _documents[document.Name] = versions = [];
            versions.RemoveAll(v => v.Version == document.Version);
            versions.Add(document);
        }
    }

    public IReadOnlyList<SandboxExecution> Executions
    {
        get
        {
            lock (_gate)
                return [.. _executions.Values.OrderBy(e => e.StartTime)];
        }
    }

    public SandboxExecution Execution(string id)
    {
        lock (_gate)
            return _executions.TryGetValue(id, out var execution) ? execution : throw new KeyNotFoundException($"No execution {id}.");
    }

    public Task<JsonObject> HandleAsync(string operation, JsonElement body, CancellationToken cancellationToken)
    {
        JsonObject answer;
        Action? after = null;
        lock (_gate)
        {
            answer = operation switch
            {
                "StartAutomationExecution" => Start(body, out after),
                "DescribeAutomationExecutions" => Describe(body),
                "GetAutomationExecution" => new JsonObject { ["AutomationExecution"] = SsmWire.Execution(Find(Required(body, "AutomationExecutionId")), options) },
                "ListTagsForResource" => ListTags(body),
                "AddTagsToResource" => AddTags(body),
                "SendAutomationSignal" => Signal(body, out after),
                "StopAutomationExecution" => Stop(body, out after),
                "DescribeDocument" => DescribeDocument(body),
                _ => throw new AwsSandboxError("UnknownOperationException", $"The sandbox does not implement AmazonSSM.{operation}."),
            };
        }

        after?.Invoke();
        return Task.FromResult(answer);
    }

    private SandboxExecution Find(string id) => _executions.TryGetValue(id, out var execution)
        ? execution
        : throw new AwsSandboxError("AutomationExecutionNotFoundException", $"Automation execution {id} not found.");

    /// <summary>
    /// The document version asked for. Missing ones are answered as the calling operation's reference lists:
    /// DescribeDocument with InvalidDocument / InvalidDocumentVersion, StartAutomationExecution (<paramref name="automation"/>)
    /// with AutomationDefinitionNotFoundException / AutomationDefinitionVersionNotFoundException.
    /// </summary>
    private SandboxDocument FindDocument(string name, string? version, bool automation = false)
    {
        if (!_documents.TryGetValue(name, out var versions) || versions.Count == 0)
        {
            throw automation
                ? new AwsSandboxError("AutomationDefinitionNotFoundException", $"An Automation runbook with the name {name} couldn't be found.")
                : new AwsSandboxError("InvalidDocument", $"Document with name {name} does not exist.");
        }

        var found = version switch
        {
            null or "" or "$DEFAULT" => versions[0],
            "$LATEST" => versions[^1],
            _ => versions.FirstOrDefault(v => v.Version == version),
        };
        if (found is not null)
            return found;
        throw automation
            ? new AwsSandboxError("AutomationDefinitionVersionNotFoundException", $"An Automation runbook with the name {name} and version {version} couldn't be found.")
            : new AwsSandboxError("InvalidDocumentVersion", $"The document version {version} is not valid or does not exist.");
    }

    private static string Required(JsonElement body, string name) => body.String(name) is { Length: > 0 } value
        ? value
        : throw AwsSandboxError.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static Dictionary<string, string> ReadTags(JsonElement body)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in body.Array("Tags"))
        {
            var key = tag.String("Key");
            var value = tag.String("Value") ?? throw AwsSandboxError.Validation("Tag values must not be null.");
            if (string.IsNullOrEmpty(key) || key.Length > 128 || value.Length > 256)
                throw AwsSandboxError.Validation($"1 validation error detected: tag key '{key}' or its value has an invalid length.");
            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                throw new AwsSandboxError("InvalidParameters", "Tag keys must not start with 'aws:'.");
            tags[key] = value;
        }

        return tags;
    }
}
