using System.Text.Json;

namespace SocketDeployer.Core.Json;

/// <summary>Member readers for untrusted JSON (Slack payloads, AWS answers): absent or wrongly typed is null, never a throw.</summary>
internal static class JsonMembers
{
    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>An object member, or null when absent or not an object.</summary>
    public static JsonElement? Object(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Object } value ? value : null;
}
