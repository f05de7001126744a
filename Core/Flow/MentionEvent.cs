using System.Text.Json;
using SocketDeployer.Core.Json;

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
            || payload.String("type") != "event_callback"
            || !payload.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object
            || e.String("type") != "app_mention")
        {
            return null;
        }

        var teamId = payload.String("team_id") ?? e.String("team");
        var eventId = payload.String("event_id");
        var channel = e.String("channel");
        var ts = e.String("ts");
        if (teamId is null || eventId is null || channel is null || ts is null)
        {
            return null;
        }

        return new MentionEvent(
            teamId,
            eventId,
            channel,
            e.String("user"),
            e.String("text") ?? "",
            ts,
            e.String("thread_ts"),
            FromBot: e.TryGetProperty("bot_id", out _) || e.String("subtype") == "bot_message",
            IsEdit: e.TryGetProperty("edited", out _) || e.String("subtype") is not null);
    }

}
