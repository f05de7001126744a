using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>Renders messages as a person reads them in Slack: names instead of ids, buttons as [Label], the thread's
/// replies under the message that started it (marked │), and "(edited)" on a message changed since it was posted, as
/// Slack marks it: a release's status message shows its latest state in its place, the first reply.</summary>
internal sealed partial class ThreadRenderer(SlackDirectory directory)
{
    public const string ReplyMark = "│ ";

    public string Render(IEnumerable<SlackMessageRecord> messages)
    {
        var output = new StringBuilder();
        foreach (var message in messages)
        {
            var reply = message.ThreadTs is { } parent && parent != message.Ts ? ReplyMark : "";
            var author = directory.NameOf(message.User);
            var visibility = message.EphemeralFor is { } viewer ? $" (only visible to @{directory.NameOf(viewer)})" : "";
            var edited = message.EditCount > 0 ? "  (edited)" : "";
            var lines = Lines(message);
            output.Append(reply).Append(author).Append(visibility).Append(": ").Append(lines.Count > 0 ? lines[0] : "").Append(edited).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                output.Append(reply).Append("  ").Append(line).Append('\n');
            }
        }

        return output.ToString();
    }

    private List<string> Lines(SlackMessageRecord message)
    {
        var lines = new List<string>();
        if (message.Blocks is { Count: > 0 } blocks)
        {
            foreach (var block in blocks.OfType<JsonObject>())
            {
                lines.AddRange(Block(block).SelectMany(l => l.Split('\n')));
            }
        }
        else
        {
            lines.AddRange(Mrkdwn(message.Text).Split('\n'));
        }

        return lines;
    }

    private IEnumerable<string> Block(JsonObject block)
    {
        switch (block["type"]?.ToString())
        {
            case "section":
                if (TextOf(block["text"]) is { Length: > 0 } text)
                {
                    yield return text;
                }

                foreach (var field in block["fields"]?.AsArray() ?? [])
                {
                    yield return TextOf(field);
                }

                if (block["accessory"] is JsonObject accessory)
                {
                    yield return Element(accessory);
                }

                break;
            case "header":
                yield return TextOf(block["text"]);
                break;
            case "context":
                yield return string.Join("  ", (block["elements"]?.AsArray() ?? []).OfType<JsonObject>().Select(Element));
                break;
            case "actions":
                yield return string.Join(" ", (block["elements"]?.AsArray() ?? []).OfType<JsonObject>().Select(Element));
                break;
            case "divider":
                yield return "---";
                break;
            case "rich_text":
                yield return RichText(block);
                break;
            case var other:
                yield return $"[{other}]";
                break;
        }
    }

    private string Element(JsonObject element) => element["type"]?.ToString() switch
    {
        "button" => $"[{Plain(element["text"])}]",
        "image" => $"[image: {element["alt_text"]}]",
        "mrkdwn" or "plain_text" => TextOf(element),
        var other => $"[{other}]",
    };

    private string RichText(JsonObject block)
    {
        var text = new StringBuilder();
        foreach (var section in (block["elements"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            foreach (var element in (section["elements"]?.AsArray() ?? []).OfType<JsonObject>())
            {
                text.Append(element["type"]?.ToString() switch
                {
                    "user" => "@" + directory.NameOf(element["user_id"]?.ToString() ?? ""),
                    "link" => element["text"]?.ToString() ?? element["url"]?.ToString(),
                    _ => element["text"]?.ToString(),
                });
            }
        }

        return text.ToString();
    }

    private string TextOf(JsonNode? text) =>
        text?["type"]?.ToString() == "plain_text" ? Plain(text) : Mrkdwn(text?["text"]?.ToString() ?? "");

    private static string Plain(JsonNode? text) => text?["text"]?.ToString() ?? "";

    /// <summary>Slack's control sequences as the client displays them, then its three HTML escapes.</summary>
    private string Mrkdwn(string text) =>
        WebUtility.HtmlDecode(ControlSequence().Replace(text, m => Display(m.Groups["body"].Value)));

    private string Display(string body)
    {
        var bar = body.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? body : body[..bar];
        var label = bar < 0 ? null : body[(bar + 1)..];
        return target[0] switch
        {
            '@' => "@" + directory.NameOf(target[1..]),
            '#' => "#" + (label ?? directory.Channel(target[1..])?.Name ?? target[1..]),
            '!' when target.StartsWith("!subteam^", StringComparison.Ordinal) =>
                "@" + (directory.Group(target["!subteam^".Length..])?.Handle ?? label?.TrimStart('@') ?? target),
            '!' => "@" + target[1..],
            _ => label ?? target,
        };
    }

    [GeneratedRegex("<(?<body>[^<>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex ControlSequence();
}
