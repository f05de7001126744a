using System.Text.Json;

namespace SocketDeployer.Core.Flow;

/// <summary>The fields of an <c>app_mention</c> event callback the flow reads.</summary>
public sealed record MentionEvent(
    string TeamId,
    string EventId,
    string Channel,
    string? User,
    string Text,
    string Ts,
    string? ThreadTs,
    bool FromBot,
    bool IsEdit)
{
    /// <summary>The thread the bot answers in: the message's own thread, or a new one under it.</summary>
    public string ReplyThread => ThreadTs ?? Ts;

    /// <summary>Reads an events_api payload; null when it is not a usable app_mention (wrong shape or type).</summary>
    public static MentionEvent? From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object
            || Str(payload, "type") != "event_callback"
            || !payload.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object
            || Str(e, "type") != "app_mention")
        {
            return null;
        }

        var teamId = Str(payload, "team_id") ?? Str(e, "team");
        var eventId = Str(payload, "event_id");
        var channel = Str(e, "channel");
        var ts = Str(e, "ts");
        if (teamId is null || eventId is null || channel is null || ts is null)
        {
            return null;
        }

        return new MentionEvent(
            teamId,
            eventId,
            channel,
            Str(e, "user"),
            Str(e, "text") ?? "",
            ts,
            Str(e, "thread_ts"),
            FromBot: e.TryGetProperty("bot_id", out _) || Str(e, "subtype") == "bot_message",
            IsEdit: e.TryGetProperty("edited", out _) || Str(e, "subtype") is not null);
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
