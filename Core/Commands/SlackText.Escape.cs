using System.Globalization;
using System.Text;

namespace SocketDeployer.Core.Commands;

/// <content>The way out: user text echoed back into mrkdwn.</content>
public static partial class SlackText
{
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
