using System.Text;

namespace SocketDeployer.Core.Commands;

/// <summary>
/// What a service name, a version and an execution id may contain. Each check answers null or the error sentence,
/// naming the first offending character rather than cleaning it: a look-alike must never become a valid name.
/// </summary>
internal static class TokenRules
{
    public const int MaxServiceLength = 64;
    public const int MaxVersionLength = 128;
    private const string ServiceRule = "service names are plain ASCII letters, digits, `-` and `_`";
    private const string VersionRule = "versions are plain ASCII";

    public static string? CheckService(ReadOnlySpan<char> token)
    {
        if (IsSlackMarkup(token))
            return $"{Code(token)} is a Slack mention, not a service name";
        if (token.Length > MaxServiceLength)
            return $"service name {Code(token)} is too long ({token.Length} characters; at most {MaxServiceLength})";

        foreach (var rune in token.EnumerateRunes())
        {
            if (IsServiceChar(rune))
                continue;
            return rune.IsAscii && !Rune.IsControl(rune)
                ? $"service {Code(token)} contains {Code(rune.ToString())}: {ServiceRule}"
                : $"service {Code(token)} contains {Describe(rune)}: {ServiceRule}";
        }

        return null;
    }

    public static string? CheckVersion(ReadOnlySpan<char> token)
    {
        if (IsSlackMarkup(token))
            return $"{Code(token)} is a Slack mention, not a version";
        if (token.Length > MaxVersionLength)
            return $"version {Code(token)} is too long ({token.Length} characters; at most {MaxVersionLength})";

        foreach (var rune in token.EnumerateRunes())
        {
            if (rune.Value is < 0x21 or > 0x7E)
                return $"version {Code(token)} contains {Describe(rune)}: {VersionRule}";
        }

        // The version lands in document parameters, where SSM would resolve {{ssm:…}} and friends itself.
        if (token.Contains("{{", StringComparison.Ordinal) || token.Contains("}}", StringComparison.Ordinal))
            return $"version {Code(token)} contains `{{{{`, the start of an SSM parameter reference";

        return null;
    }

    /// <summary>Like <see cref="CheckVersion"/> for ids: only non-ASCII is named, the UUID form is checked by the caller.</summary>
    public static string? CheckAscii(ReadOnlySpan<char> token, string what)
    {
        foreach (var rune in token.EnumerateRunes())
        {
            if (rune.Value is < 0x21 or > 0x7E)
                return $"{what} {Code(token)} contains {Describe(rune)}";
        }

        return null;
    }

    /// <summary>The first character outside printable ASCII, described, or null.</summary>
    public static string? FirstNonAscii(ReadOnlySpan<char> token)
    {
        foreach (var rune in token.EnumerateRunes())
        {
            if (rune.Value is < 0x21 or > 0x7E)
                return Describe(rune);
        }

        return null;
    }

    public static string ToLowerAscii(ReadOnlySpan<char> token)
    {
        Span<char> lower = token.Length <= 128 ? stackalloc char[token.Length] : new char[token.Length];
        System.Text.Ascii.ToLower(token, lower, out int written);
        return new string(lower[..written]);
    }

    public static string Code(ReadOnlySpan<char> text) => SlackText.InlineCode(text.ToString());

    private static string Describe(Rune rune) => $"{CharacterNames.KindOf(rune)}, {CharacterNames.Describe(rune)}";

    private static bool IsServiceChar(Rune rune) =>
        rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '-' or '_');

    private static bool IsSlackMarkup(ReadOnlySpan<char> token) =>
        token.Length > 2 && token[0] == '<' && token[^1] == '>' && token[1] is '@' or '#' or '!';
}
