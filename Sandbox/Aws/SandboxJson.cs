using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>Reads request members, answering type errors the way the AWS JSON protocol does (SerializationException).</summary>
internal static class SandboxJson
{
    public static string? String(this JsonElement body, string name) => body.TryGetProperty(name, out var value) switch
    {
        false => null,
        _ when value.ValueKind == JsonValueKind.Null => null,
        _ when value.ValueKind == JsonValueKind.String => value.GetString(),
        _ => throw AwsSandboxError.Serialization($"Expected a string for {name}."),
    };

    public static int? Int(this JsonElement body, string name) => body.TryGetProperty(name, out var value) switch
    {
        false => null,
        _ when value.ValueKind == JsonValueKind.Null => null,
        _ when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) => number,
        _ => throw AwsSandboxError.Serialization($"Expected an integer for {name}."),
    };

    public static IReadOnlyList<JsonElement> Array(this JsonElement body, string name) => body.TryGetProperty(name, out var value) switch
    {
        false => [],
        _ when value.ValueKind == JsonValueKind.Null => [],
        _ when value.ValueKind == JsonValueKind.Array => [.. value.EnumerateArray()],
        _ => throw AwsSandboxError.Serialization($"Expected a list for {name}."),
    };

    public static IReadOnlyList<string> Strings(this JsonElement body, string name) =>
        [.. body.Array(name).Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw AwsSandboxError.Serialization($"Expected strings in {name}."))];

    public static JsonArray ToJsonArray(this IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)v)];

    /// <summary>AWS JSON timestamps: epoch seconds with milliseconds.</summary>
    public static JsonNode? Epoch(DateTimeOffset? time) => time is { } t ? JsonValue.Create(t.ToUnixTimeMilliseconds() / 1000.0) : null;
}

/// <summary>AWS leaves absent members out rather than sending null.</summary>
internal static class JsonNullPruning
{
    public static JsonNode? WithoutNulls(this JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                    obj.Remove(key);
                foreach (var (_, value) in obj)
                    value.WithoutNulls();
                break;
            case JsonArray array:
                foreach (var item in array)
                    item.WithoutNulls();
                break;
        }

        return node;
    }
}
