using System.Text;

namespace SocketDeployer.Core.Commands;

/// <summary>Slack message text in and out: the markup of an incoming mention, and user text echoed back in mrkdwn.</summary>
public static partial class SlackText
{
    /// <summary>How much of a user's text an error message echoes back.</summary>
    public const int MaxEchoLength = 60;

    /// <summary>
    /// Turns the text of an <c>app_mention</c> into what the user typed: the bot's own mention removed, link markup
    /// reduced to its label, <c>&amp;amp; &amp;lt; &amp;gt;</c> decoded. Other mentions (<c>&lt;@U…&gt;</c>,
    /// <c>&lt;#C…|name&gt;</c>, <c>&lt;!here&gt;</c>) are kept verbatim so the parser can recognise and refuse them.
    /// </summary>
    public static string Normalize(string text, string botUserId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(botUserId);
        if (text.AsSpan().IndexOfAny('<', '&') < 0)
            return text;

        var result = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int open = rest.IndexOf('<');
            if (open < 0)
            {
                AppendDecoded(result, rest);
                break;
            }

            AppendDecoded(result, rest[..open]);
            rest = rest[open..];
            int close = rest.IndexOf('>');
            // Slack escapes every literal '<', so an unclosed or nested one is not markup: keep it as text.
            if (close < 0 || rest[1..close].Contains('<'))
            {
                result.Append('<');
                rest = rest[1..];
                continue;
            }

            AppendMarkup(result, rest[1..close], botUserId);
            rest = rest[(close + 1)..];
        }

        return result.ToString();
    }

    private static void AppendMarkup(StringBuilder result, ReadOnlySpan<char> inner, string botUserId)
    {
        int pipe = inner.IndexOf('|');
        if (inner.StartsWith('@') && botUserId.Length > 0
            && inner[1..(pipe < 0 ? inner.Length : pipe)].SequenceEqual(botUserId))
        {
            // A space, not nothing: "help<@UBOT>status" must not glue two words together.
            result.Append(' ');
            return;
        }

        if (IsLink(inner))
        {
            AppendDecoded(result, pipe < 0 ? inner : inner[(pipe + 1)..]);
            return;
        }

        result.Append('<').Append(inner).Append('>');
    }

    private static bool IsLink(ReadOnlySpan<char> inner) =>
        inner.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || inner.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || inner.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static void AppendDecoded(StringBuilder result, ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            int amp = text.IndexOf('&');
            if (amp < 0)
            {
                result.Append(text);
                return;
            }

            result.Append(text[..amp]);
            text = text[amp..];
            var (decoded, length) = text switch
            {
                _ when text.StartsWith("&amp;", StringComparison.Ordinal) => ('&', 5),
                _ when text.StartsWith("&lt;", StringComparison.Ordinal) => ('<', 4),
                _ when text.StartsWith("&gt;", StringComparison.Ordinal) => ('>', 4),
                _ => ('&', 1),
            };
            result.Append(decoded);
            text = text[length..];
        }
    }
}
