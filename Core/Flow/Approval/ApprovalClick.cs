using System.Text.Json;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>A click on an approval button (a block_actions payload), reduced to what may be trusted:
/// who clicked, in which team, on which message, and the execution id and step the button names.</summary>
/// <param name="ThreadTs">The thread of the clicked message, when Slack says (message.thread_ts): where a refusal belongs.</param>
public sealed record ApprovalClick(
    string TeamId,
    string User,
    string UserName,
    string Channel,
    string MessageTs,
    bool Approve,
    string ExecutionId,
    string StepName,
    string? ThreadTs = null)
{
    public static ApprovalClick? From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || Str(payload, "type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() != 1)
        {
            return null;
        }

        var action = actions[0];
        var actionId = Str(action, "action_id");
        var value = Str(action, "value");
        var user = Obj(payload, "user");
        var team = Obj(payload, "team");
        var container = Obj(payload, "container");
        var channel = Obj(payload, "channel");
        if (actionId is not (ApprovalMessages.ApproveAction or ApprovalMessages.RejectAction)
            || value is null || user is null || team is null || container is null)
        {
            return null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var userId = Str(user.Value, "id");
        var teamId = Str(team.Value, "id");
        var messageTs = Str(container.Value, "message_ts");
        var channelId = (channel is { } c ? Str(c, "id") : null) ?? Str(container.Value, "channel_id");
        if (slash <= 0 || slash == value.Length - 1 || value.Length > 300 || userId is null || teamId is null || messageTs is null || channelId is null)
        {
            return null;
        }

        return new ApprovalClick(
            teamId,
            userId,
            Str(user.Value, "username") ?? Str(user.Value, "name") ?? userId,
            channelId,
            messageTs,
            actionId == ApprovalMessages.ApproveAction,
            value[..slash],
            value[(slash + 1)..],
            (Obj(payload, "message") is { } message ? Str(message, "thread_ts") : null) ?? Str(container.Value, "thread_ts"));
    }

    private static JsonElement? Obj(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
