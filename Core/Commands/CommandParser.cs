using System.Buffers;
using System.Globalization;
using System.Text;

namespace SocketDeployer.Core.Commands;

/// <summary>
/// Parses the text of a mention of the bot into a <see cref="ParsedCommand"/>. Strict: one line, ASCII names, exact
/// arity; every refusal is a specific <see cref="CommandError"/> whose user text is already escaped.
/// </summary>
public static partial class CommandParser
{
    /// <summary>Longer messages are refused without being echoed.</summary>
    public const int MaxTextLength = 4000;

    private static readonly string[] Verbs = ["help", "deploy", "run", "status", "cancel", "lock", "unlock", "history", "rollback", "plan"];

    /// <summary>A lock's reason is shown in every refusal: a sentence, not an essay.</summary>
    public const int MaxReasonLength = 200;
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u0085\u2028\u2029");
    private const string DeployForm = "`deploy &lt;service&gt; &lt;version&gt;`";
    private const string ExecutionIdForm = "`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`";

    /// <summary>Parses <paramref name="rawText"/>, the <c>text</c> of an <c>app_mention</c> event as Slack sent it.</summary>
    /// <param name="botUserId">The bot's own user id (<c>U…</c>); its mentions are removed wherever they stand.</param>
    public static ParsedCommand Parse(string rawText, string botUserId)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        ArgumentNullException.ThrowIfNull(botUserId);
        if (rawText.Length > MaxTextLength)
        {
            return Error(string.Create(CultureInfo.InvariantCulture,
                $"that message is {rawText.Length:N0} characters long; a command is at most {MaxTextLength:N0}"));
        }

        // Leading and trailing line breaks are Slack formatting, not a second line.
        var text = SlackText.Normalize(rawText, botUserId).AsSpan().Trim();
        if (text.IndexOfAny(LineBreaks) >= 0)
            return Error("a command is one line: put everything on the line with the mention");

        var reader = new TokenReader(text);
        if (!reader.TryRead(out var verb) || Ascii.EqualsIgnoreCase(verb, "help"))
            return new HelpCommand();
        if (Ascii.EqualsIgnoreCase(verb, "deploy"))
            return ParseDeploy(ref reader);
        if (Ascii.EqualsIgnoreCase(verb, "run"))
        {
            if (reader.TryRead(out var next) && Ascii.EqualsIgnoreCase(next, "deploy"))
                return ParseDeploy(ref reader);
            return Error("`run` goes with `deploy`: `run deploy &lt;service&gt; &lt;version&gt;`");
        }

        if (Ascii.EqualsIgnoreCase(verb, "status"))
            return ParseStatus(ref reader);
        if (Ascii.EqualsIgnoreCase(verb, "cancel"))
            return ParseCancel(ref reader);
        if (Ascii.EqualsIgnoreCase(verb, "lock"))
            return ParseLock(ref reader);
        if (Ascii.EqualsIgnoreCase(verb, "unlock"))
            return ParseUnlock(ref reader);
        if (ParseReleaseVerb(verb, ref reader) is { } release)
            return release;
        return UnknownVerb(verb);
    }

    /// <summary>True for the UUID form SSM gives execution ids (hex digits, either case).</summary>
    public static bool IsExecutionId(ReadOnlySpan<char> token)
    {
        if (token.Length != 36)
            return false;
        for (int i = 0; i < token.Length; i++)
        {
            bool ok = i is 8 or 13 or 18 or 23 ? token[i] == '-' : char.IsAsciiHexDigit(token[i]);
            if (!ok)
                return false;
        }

        return true;
    }

    private static ParsedCommand ParseDeploy(ref TokenReader reader)
    {
        if (!reader.TryRead(out var service))
            return Error($"`deploy` needs a service and a version: {DeployForm}");
        if (TokenRules.CheckService(service) is { } badService)
            return Error(badService);
        if (!reader.TryRead(out var version))
            return Error($"`deploy` needs a version after the service: `deploy {SlackText.Escape(service.ToString())} &lt;version&gt;`");
        if (TokenRules.CheckVersion(version) is { } badVersion)
            return Error(badVersion);
        return BreakGlassArgument.Parse(reader.Rest, TokenRules.ToLowerAscii(service), version.ToString());
    }

    private static ParsedCommand ParseStatus(ref TokenReader reader)
    {
        if (!reader.TryRead(out var target))
            return new StatusCommand(null);
        if (!reader.Rest.IsEmpty)
            return Error($"`status` takes one service or execution id; unexpected text after it: {TokenRules.Code(reader.Rest)}");
        if (IsExecutionId(target))
            return new StatusCommand(TokenRules.ToLowerAscii(target));
        return TokenRules.CheckService(target) is { } bad
            ? Error(bad)
            : new StatusCommand(TokenRules.ToLowerAscii(target));
    }

    private static ParsedCommand ParseCancel(ref TokenReader reader)
    {
        if (!reader.TryRead(out var id))
            return Error("`cancel` needs an execution id: `cancel &lt;execution-id&gt;`");
        if (TokenRules.CheckAscii(id, "execution id") is { } bad)
            return Error(bad);
        if (!IsExecutionId(id))
            return Error($"{TokenRules.Code(id)} is not an execution id (expected the form {ExecutionIdForm})");
        if (!reader.Rest.IsEmpty)
            return Error($"unexpected text after the execution id: {TokenRules.Code(reader.Rest)}");
        return new CancelCommand(TokenRules.ToLowerAscii(id));
    }

    private static ParsedCommand ParseLock(ref TokenReader reader)
    {
        if (!reader.TryRead(out var service))
            return Error("`lock` needs a service and a reason: `lock &lt;service&gt; &lt;reason&gt;`");
        if (TokenRules.CheckService(service) is { } badService)
            return Error(badService);
        var reason = reader.Rest.Trim();
        if (reason.IsEmpty)
            return Error($"`lock` needs a reason after the service, so others know why: `lock {SlackText.Escape(service.ToString())} &lt;reason&gt;`");
        if (reason.Length > MaxReasonLength)
            return Error(string.Create(CultureInfo.InvariantCulture, $"a lock's reason is at most {MaxReasonLength} characters; that one is {reason.Length}"));
        return new LockCommand(TokenRules.ToLowerAscii(service), reason.ToString());
    }

    private static ParsedCommand ParseUnlock(ref TokenReader reader)
    {
        if (!reader.TryRead(out var service))
            return Error("`unlock` needs a service: `unlock &lt;service&gt;`");
        if (TokenRules.CheckService(service) is { } bad)
            return Error(bad);
        if (!reader.Rest.IsEmpty)
            return Error($"unexpected text after the service: {TokenRules.Code(reader.Rest)}");
        return new UnlockCommand(TokenRules.ToLowerAscii(service));
    }

    private static CommandError UnknownVerb(ReadOnlySpan<char> verb)
    {
        string code = TokenRules.Code(verb);
        if (TokenRules.FirstNonAscii(verb) is { } character)
            return Error($"unknown command {code}: it contains {character}");
        var suggestion = ServiceSuggestion.Closest(verb.ToString().ToLowerInvariant(), Verbs);
        return suggestion is null
            ? Error($"unknown command {code}")
            : Error($"unknown command {code} — did you mean `{suggestion}`?");
    }

    private static CommandError Error(string reason) => new(reason);
}
