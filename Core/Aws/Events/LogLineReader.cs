using System.Text.Json;
using static SocketDeployer.Core.Aws.Events.ParseResult;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>Reads <c>{"socketdeployer":1,"executionId":"…","text":"…"}</c>, sent by a runbook's <c>aws:executeAwsApi</c> step.</summary>
internal static class LogLineReader
{
    public const string Marker = "socketdeployer";
    public const int Version = 1;

    public static bool LooksLikeLogLine(JsonElement root) => root.Has(Marker);

    public static ParseResult Read(JsonElement root)
    {
        var marker = root.GetProperty(Marker);
        if (marker.ValueKind != JsonValueKind.Number || !marker.TryGetInt32(out var version) || version != Version)
            return new Malformed($"socketdeployer message version {JsonFields.Quote(marker.GetRawText())} is not {Version}");

        if (!root.TryRequiredString("executionId", "executionId", out var executionId, out var error))
            return new Malformed(error);
        if (!ExecutionIds.IsValid(executionId))
            return new Malformed($"executionId {JsonFields.Quote(executionId)} is not an execution id");

        // Text may hold newlines and tabs, so it is not held to the required-string rules.
        if (!root.TryGetProperty("text", out var textMember) || textMember.ValueKind != JsonValueKind.String)
            return new Malformed("text is missing or not a string");
        if (root.OptionalString("text") is not { } text)
            return new Malformed("text is not valid UTF-16");
        if (string.IsNullOrWhiteSpace(text))
            return new Malformed("text is empty");

        return new Parsed(new LogLine(executionId, TextCap.Apply(text, AutomationEventParser.MaxTextLength)));
    }
}
