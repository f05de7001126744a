using System.Text.Json;
using SocketDeployer.Core.Json;

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
        if (payload.ValueKind != JsonValueKind.Object || payload.String("type") != "block_actions"
            || !payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() != 1)
        {
            return null;
        }

        var action = actions[0];
        var actionId = action.String("action_id");
        var value = action.String("value");
        var user = payload.Object("user");
        var team = payload.Object("team");
        var container = payload.Object("container");
        var channel = payload.Object("channel");
        if (actionId is not (ApprovalMessages.ApproveAction or ApprovalMessages.RejectAction)
            || value is null || user is null || team is null || container is null)
        {
            return null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var userId = user.Value.String("id");
        var teamId = team.Value.String("id");
        var messageTs = container.Value.String("message_ts");
        var channelId = (channel is { } c ? c.String("id") : null) ?? container.Value.String("channel_id");
        if (slash <= 0 || slash == value.Length - 1 || value.Length > 300 || userId is null || teamId is null || messageTs is null || channelId is null)
        {
            return null;
        }

        return new ApprovalClick(
            teamId,
            userId,
            user.Value.String("username") ?? user.Value.String("name") ?? userId,
            channelId,
            messageTs,
            actionId == ApprovalMessages.ApproveAction,
            value[..slash],
            value[(slash + 1)..],
            (payload.Object("message") is { } message ? message.String("thread_ts") : null) ?? container.Value.String("thread_ts"));
    }

}
