using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>Builds the payloads Slack sends, shaped like captured ones (python-slack-sdk and bolt-python fixtures).</summary>
internal static partial class EventPayloads
{
    public const string VerificationToken = "sandbox-verification-token";

    /// <summary>An <c>event_callback</c> with an <c>app_mention</c> event.</summary>
    public static JsonObject AppMention(SlackWorkspaceOptions options, SlackMessageRecord message, string eventId, string clientMsgId)
    {
        var evt = new JsonObject
        {
            ["client_msg_id"] = clientMsgId,
            ["type"] = "app_mention",
            ["text"] = message.Text,
            ["user"] = message.User,
            ["ts"] = message.Ts,
            ["team"] = options.TeamId,
            ["blocks"] = new JsonArray(RichText(message.Text)),
            ["channel"] = message.Channel,
            ["event_ts"] = message.Ts,
        };
        if (message.ThreadTs is { } threadTs && threadTs != message.Ts)
        {
            evt["thread_ts"] = threadTs;
        }

        return new JsonObject
        {
            ["token"] = VerificationToken,
            ["team_id"] = options.TeamId,
            ["api_app_id"] = options.AppId,
            ["event"] = evt,
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = long.Parse(message.Ts.Split('.')[0], CultureInfo.InvariantCulture),
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null,
                ["team_id"] = options.TeamId,
                ["user_id"] = options.BotUserId,
                ["is_bot"] = true,
                ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
            ["event_context"] = $"4-eyJldCI6ImFwcF9tZW50aW9uIn0-{options.TeamId}-{message.Channel}",
        };
    }

    /// <summary>The <c>rich_text</c> block Slack's client attaches to a typed message: mentions as user elements.</summary>
    public static JsonObject RichText(string text)
    {
        var elements = new JsonArray();
        var last = 0;
        foreach (Match mention in UserMention().Matches(text))
        {
            if (mention.Index > last)
            {
                elements.Add(TextElement(text[last..mention.Index]));
            }

            elements.Add(new JsonObject { ["type"] = "user", ["user_id"] = mention.Groups[1].Value });
            last = mention.Index + mention.Length;
        }

        if (last < text.Length)
        {
            elements.Add(TextElement(text[last..]));
        }

        return new JsonObject
        {
            ["type"] = "rich_text",
            ["block_id"] = Guid.NewGuid().ToString("N")[..4],
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "rich_text_section", ["elements"] = elements }),
        };
    }

    [GeneratedRegex("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>", RegexOptions.CultureInvariant)]
    internal static partial Regex UserMention();

    private static JsonObject TextElement(string text) => new() { ["type"] = "text", ["text"] = text };
}
