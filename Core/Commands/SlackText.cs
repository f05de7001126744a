using System.Globalization;
using System.Text;

namespace SocketDeployer.Core.Commands;

/// <summary>Slack message text in and out: the markup of an incoming mention, and user text echoed back in mrkdwn.</summary>
public static class SlackText
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

    /// <summary>
    /// Makes user text safe inside mrkdwn <c>inline code</c>: it can never ping (@channel, @here, user groups, users),
    /// forge a link, close the code span or reorder the line. <c>&amp; &lt; &gt;</c> become entities, a backtick becomes
    /// U+02CB, <c>@</c> is followed by a WORD JOINER (so <c>link_names</c> cannot turn it into a mention), invisible,
    /// control and bidi characters become U+FFFD, other whitespace a plain space. Longer text is cut to
    /// <paramref name="maxLength"/> characters and ends with "…".
    /// </summary>
    public static string Escape(string userText, int maxLength = MaxEchoLength)
    {
        ArgumentNullException.ThrowIfNull(userText);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        var source = userText.AsSpan();
        bool cut = source.Length > maxLength;
        if (cut)
            source = source[..(char.IsHighSurrogate(source[maxLength - 1]) ? maxLength - 1 : maxLength)];

        var result = new StringBuilder(source.Length + 8);
        foreach (var rune in source.EnumerateRunes())
            AppendEscaped(result, rune);
        if (cut)
            result.Append('…');
        return result.ToString();
    }

    /// <summary><paramref name="userText"/> escaped with <see cref="Escape"/> and wrapped in backticks.</summary>
    public static string InlineCode(string userText, int maxLength = MaxEchoLength) =>
        string.Concat("`", Escape(userText, maxLength), "`");

    /// <summary>Replaces only <c>&amp; &lt; &gt;</c>: for trusted text (the bot's own name, patterns) that must stay copyable.</summary>
    public static string EscapeEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny('&', '<', '>') < 0
            ? text
            : text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal);
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

    private static void AppendEscaped(StringBuilder result, Rune rune)
    {
        switch (rune.Value)
        {
            case '&': result.Append("&amp;"); return;
            case '<': result.Append("&lt;"); return;
            case '>': result.Append("&gt;"); return;
            case '`': result.Append('\u02CB'); return;
            case '@': result.Append("@\u2060"); return;
            case ' ': result.Append(' '); return;
        }

        if (Rune.IsWhiteSpace(rune))
        {
            result.Append(' ');
            return;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                result.Append('\uFFFD');
                return;
            default:
                Span<char> utf16 = stackalloc char[2];
                result.Append(utf16[..rune.EncodeToUtf16(utf16)]);
                return;
        }
    }
}
