using System.Text.Json;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Aws;

/// <summary>Readers for AWS JSON answers, tolerant of absent members.</summary>
internal static class AwsJson
{
    public static string RequiredString(this JsonElement element, string name) =>
        element.String(name) ?? throw new AwsException("MalformedResponse", $"The answer has no string member {name}.", 200);

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>AWS JSON timestamps are epoch seconds, possibly fractional.</summary>
    public static DateTimeOffset? EpochSeconds(this JsonElement element, string name) => element.Member(name) switch
    {
        { ValueKind: JsonValueKind.Number } number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(number.GetDouble() * 1000)),
        _ => null,
    };

    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement element, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.Member(name) is { ValueKind: JsonValueKind.Object } obj)
        {
            foreach (var property in obj.EnumerateObject())
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return map;
    }
}
