using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>chat.postMessage, chat.postEphemeral and chat.update, with Slack's checks and answers.</summary>
internal sealed class ChatMethods(WorkspaceContext workspace)
{
    public JsonObject PostMessage(JsonObject args)
    {
        var channel = PostableChannel(args);
        var (text, blocks) = MessageContent.Read(args, required: true);
        var message = new StoredMessage
        {
            Channel = channel,
            Ts = workspace.Messages.NextTs(),
            ThreadTs = args.String("thread_ts"),
            User = workspace.Options.BotUserId,
            IsBot = true,
            Text = text ?? "",
            Blocks = blocks,
        };
        workspace.Messages.Add(message);
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = message.Ts,
            ["message"] = MessageJson(message.ToRecord()),
        };
    }

    public JsonObject PostEphemeral(JsonObject args)
    {
        var channel = PostableChannel(args);
        var user = args.String("user");
        if (workspace.Directory.User(user) is null)
        {
            throw new SlackApiError("user_not_found");
        }

        var (text, blocks) = MessageContent.Read(args, required: true);
        var message = new StoredMessage
        {
            Channel = channel,
            Ts = workspace.Messages.NextTs(),
            ThreadTs = args.String("thread_ts"),
            User = workspace.Options.BotUserId,
            IsBot = true,
            Text = text ?? "",
            Blocks = blocks,
            EphemeralFor = user,
        };
        workspace.Messages.Add(message);
        return new JsonObject { ["ok"] = true, ["message_ts"] = message.Ts };
    }

    public JsonObject Update(JsonObject args)
    {
        var channel = args.String("channel");
        if (workspace.Directory.Channel(channel) is null)
        {
            throw new SlackApiError("channel_not_found");
        }

        var ts = args.String("ts") ?? throw new SlackApiError("message_not_found");
        var existing = workspace.Messages.Get(channel!, ts);
        if (existing is null || existing.EphemeralFor is not null)
        {
            throw new SlackApiError("message_not_found");
        }

        if (!existing.IsBot)
        {
            throw new SlackApiError("cant_update_message");
        }

        var (text, blocks) = MessageContent.Read(args, required: true);
        var updated = workspace.Messages.Update(channel!, ts, m =>
        {
            // Omitted blocks keep the old ones; an empty array removes them (Slack's chat.update rule).
            if (blocks is not null)
            {
                m.Blocks = blocks.Count == 0 ? null : blocks;
            }

            if (text is not null)
            {
                m.Text = text;
            }

            m.EditCount++;
        })!;
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["text"] = updated.Text,
            ["message"] = MessageJson(updated),
        };
    }

    /// <summary>The message object Slack returns and puts into block_actions payloads.</summary>
    public JsonObject MessageJson(SlackMessageRecord message)
    {
        var options = workspace.Options;
        var json = new JsonObject { ["type"] = "message", ["text"] = message.Text, ["user"] = message.User, ["ts"] = message.Ts };
        if (message.IsBot)
        {
            json["bot_id"] = options.BotId;
            json["app_id"] = options.AppId;
            json["bot_profile"] = new JsonObject
            {
                ["id"] = options.BotId,
                ["app_id"] = options.AppId,
                ["name"] = options.BotUserName,
                ["deleted"] = false,
                ["team_id"] = options.TeamId,
            };
        }

        if (message.Blocks is not null)
        {
            json["blocks"] = message.Blocks.DeepClone();
        }

        json["team"] = options.TeamId;
        if (message.ThreadTs is not null)
        {
            json["thread_ts"] = message.ThreadTs;
        }

        if (message.EditCount > 0)
        {
            json["edited"] = new JsonObject { ["user"] = message.User, ["ts"] = $"{workspace.UnixNow}.000000" };
        }

        return json;
    }

    private string PostableChannel(JsonObject args)
    {
        var channel = workspace.Directory.Channel(args.String("channel")) ?? throw new SlackApiError("channel_not_found");
        return channel.BotIsMember ? channel.Id : throw new SlackApiError("not_in_channel");
    }
}
