using System.Text.Json;
using static SocketDeployer.Core.Aws.Events.ParseResult;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>
/// Turns a body from SocketDeployer's queue into an <see cref="AutomationEvent"/>. Three kinds are accepted
/// (design.md, "AWS messages"): SSM's EventBridge status-change events, <c>aws:approve</c> SNS notifications
/// (raw or in an SNS envelope) and <c>{"socketdeployer":1,…}</c> log lines. Never throws.
/// </summary>
public static class AutomationEventParser
{
    /// <summary>Longest body read. SNS and EventBridge cap their messages at 256 KB; our own log lines are far shorter.</summary>
    public const int MaxBodyLength = 256 * 1024;

    /// <summary>Longest log line or notification text kept; longer ones are cut and end with "…".</summary>
    public const int MaxTextLength = 3000;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = 32,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        // Two ExecutionIds in one object is not something to pick from.
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads one queue body.</summary>
    public static ParseResult Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return new Malformed("the body is empty");
        if (body.Length > MaxBodyLength)
            return new Malformed($"the body has {body.Length} characters, more than {MaxBodyLength}");

        return ParseMessage(body, insideEnvelope: false);
    }

    private static ParseResult ParseMessage(string text, bool insideEnvelope)
    {
        using var document = TryParseJson(text, out var jsonError);
        if (document is null)
        {
            // A raw-delivered (or enveloped) approval notification may be plain text. Broken JSON is not prose,
            // even when it quotes an execution ARN (every EventBridge event lists one in "resources").
            if (IsMeantAsJson(text))
                return new Malformed($"{(insideEnvelope ? "SNS Message is" : "the body is")} broken JSON: {jsonError}");

            return ApprovalNotificationReader.TryRead(text)
                ?? new Malformed($"{(insideEnvelope ? "SNS Message" : "the body")} is not JSON and names no automation execution");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return new Malformed($"{(insideEnvelope ? "SNS Message is" : "the body is")} a JSON {root.ValueKind}, not an object");

        if (LogLineReader.LooksLikeLogLine(root))
            return LogLineReader.Read(root);

        if (SnsEnvelopeReader.LooksLikeEnvelope(root))
        {
            if (insideEnvelope)
                return new Malformed("an SNS envelope inside an SNS envelope");

            return SnsEnvelopeReader.TryGetMessage(root, out var message, out var result)
                ? ParseMessage(message, insideEnvelope: true)
                : result;
        }

        if (EventBridgeEventReader.LooksLikeEvent(root))
            return EventBridgeEventReader.Read(root);

        return ApprovalNotificationReader.TryRead(text)
            ?? new Malformed($"{(insideEnvelope ? "SNS Message" : "the body")} is a JSON object of no known kind and names no automation execution");
    }

    private static bool IsMeantAsJson(string text)
    {
        var start = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        return start is ['{' or '[' or '"', ..]
            || text.Contains("\"detail-type\"", StringComparison.Ordinal)
            || text.Contains("\"socketdeployer\"", StringComparison.Ordinal);
    }

    private static JsonDocument? TryParseJson(string text, out string? error)
    {
        try
        {
            error = null;
            return JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException exception)
        {
            error = exception.Message;
        }
        catch (ArgumentException exception)
        {
            // Invalid UTF-16 (a lone surrogate) in the string itself.
            error = exception.Message;
        }

        return null;
    }
}
