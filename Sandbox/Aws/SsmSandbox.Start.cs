using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>StartAutomationExecution: validation, ClientToken idempotency, parameters against the document.</summary>
internal sealed partial class SsmSandbox
{
    private JsonObject Start(JsonElement body, out Action? after)
    {
        after = null;
        var name = Required(body, "DocumentName");
        var version = body.String("DocumentVersion");
        var parameters = ReadParameters(body);
        if (body.Array("Tags").Count > MaxTagsAtStart)
            throw AwsSandboxError.Validation($"1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to {MaxTagsAtStart}");
        var tags = ReadTags(body);
        if (body.String("Mode") is { } mode && mode is not ("Auto" or "Interactive"))
            throw AwsSandboxError.Validation($"1 validation error detected: Value '{mode}' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Interactive]");
        var token = body.String("ClientToken");
        if (token is not null && (token.Length != 36 || !Guid.TryParseExact(token, "D", out _)))
            throw AwsSandboxError.Validation($"1 validation error detected: Value '{token}' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-fA-F0-9]{{8}}-[a-fA-F0-9]{{4}}-[a-fA-F0-9]{{4}}-[a-fA-F0-9]{{4}}-[a-fA-F0-9]{{12}}");

        var fingerprint = Fingerprint(name, version, parameters, tags, body.String("Mode"));
        if (token is not null && _tokens.TryGetValue(token, out var earlier))
        {
            return earlier.Fingerprint == fingerprint
                ? new JsonObject { ["AutomationExecutionId"] = earlier.ExecutionId }
                : throw new AwsSandboxError("IdempotentParameterMismatch", "Error message: The ClientToken was already used with different parameters.");
        }

        var document = FindDocument(name, version, automation: true);
        CheckParameters(document, parameters);
        var execution = new SandboxExecution(Guid.NewGuid().ToString(), document, parameters, token, options.TimeProvider.GetUtcNow());
        foreach (var (key, value) in tags)
            execution.TagStore[key] = value;
        _executions[execution.Id] = execution;
        if (token is not null)
            _tokens[token] = (fingerprint, execution.Id);
        after = () => Started?.Invoke(execution);
        return new JsonObject { ["AutomationExecutionId"] = execution.Id };
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadParameters(JsonElement body)
    {
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!body.TryGetProperty("Parameters", out var map) || map.ValueKind == JsonValueKind.Null)
            return parameters;
        if (map.ValueKind != JsonValueKind.Object)
            throw AwsSandboxError.Serialization("Expected a map for Parameters.");
        foreach (var property in map.EnumerateObject())
            parameters[property.Name] = map.Strings(property.Name);
        return parameters;
    }

    private static void CheckParameters(SandboxDocument document, Dictionary<string, IReadOnlyList<string>> parameters)
    {
        if (document.Parameters is not { } declared)
            return;
        foreach (var name in parameters.Keys.Where(n => !declared.ContainsKey(n)))
            throw new AwsSandboxError("InvalidAutomationExecutionParametersException", $"Parameter \"{name}\" is not defined in the document {document.Name}.");
        foreach (var (name, _) in declared.Where(p => p.Value is null && !parameters.ContainsKey(p.Key)))
            throw new AwsSandboxError("InvalidAutomationExecutionParametersException", $"Parameter \"{name}\" is required but was not provided.");
    }

    private static string Fingerprint(string name, string? version, Dictionary<string, IReadOnlyList<string>> parameters, Dictionary<string, string> tags, string? mode) =>
        new JsonObject
        {
            ["n"] = name,
            ["v"] = version,
            ["m"] = mode,
            ["p"] = new JsonObject(parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.ToJsonArray()))),
            ["t"] = new JsonObject(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        }.ToJsonString();
}
