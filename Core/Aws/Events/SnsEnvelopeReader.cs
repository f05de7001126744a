using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using static SocketDeployer.Core.Aws.Events.ParseResult;

namespace SocketDeployer.Core.Aws.Events;

/// <summary>Unwraps an SNS envelope (<c>{"Type":"Notification","MessageId":…,"TopicArn":…,"Message":"…"}</c>), as SQS receives it without raw delivery.</summary>
internal static class SnsEnvelopeReader
{
    public static bool LooksLikeEnvelope(JsonElement root) =>
        root.Has("Type") && (root.Has("TopicArn") || root.Has("MessageId"));

    /// <summary>The envelope's Message, or the result for an envelope that carries none of ours.</summary>
    public static bool TryGetMessage(JsonElement root, [NotNullWhen(true)] out string? message, [NotNullWhen(false)] out ParseResult? result)
    {
        message = null;
        if (!root.TryRequiredString("Type", "SNS Type", out var type, out var error))
        {
            result = new Malformed(error);
            return false;
        }

        if (!string.Equals(type, "Notification", StringComparison.Ordinal))
        {
            // SubscriptionConfirmation and UnsubscribeConfirmation are about the subscription, not an execution.
            result = new Ignored($"SNS message of Type {JsonFields.Quote(type)}");
            return false;
        }

        if (!root.TryGetProperty("Message", out var member) || member.ValueKind != JsonValueKind.String)
        {
            result = new Malformed("SNS Message is missing or not a string");
            return false;
        }

        message = root.OptionalString("Message");
        result = message is null ? new Malformed("SNS Message is not valid UTF-16") : null;
        return result is null;
    }
}
