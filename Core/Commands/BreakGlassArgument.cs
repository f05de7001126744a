using System.Globalization;

namespace SocketDeployer.Core.Commands;

/// <summary>What may follow a deploy's version: nothing, or <c>--break-glass &lt;reason&gt;</c> to deploy during a freeze.</summary>
internal static class BreakGlassArgument
{
    public const string Flag = "--break-glass";

    // Phones and macOS turn a typed "--" into a dash; the intent is the same flag.
    private static readonly string[] Spellings = [Flag, "\u2014break-glass", "\u2013break-glass"];

    /// <summary>The deploy with its break-glass reason, or the error that the rest of the line is.</summary>
    public static ParsedCommand Parse(ReadOnlySpan<char> rest, string service, string version)
    {
        if (rest.IsEmpty)
            return new DeployCommand(service, version);
        var reader = new TokenReader(rest);
        reader.TryRead(out var flag);
        if (!IsFlag(flag))
            return new CommandError($"unexpected text after the version: {TokenRules.Code(rest)}");
        var reason = reader.Rest.Trim();
        if (reason.IsEmpty)
            return new CommandError($"`{Flag}` needs a reason, for the approvers and the audit log: `deploy {service} {SlackText.Escape(version)} {Flag} &lt;reason&gt;`");
        if (reason.Length > CommandParser.MaxReasonLength)
            return new CommandError(string.Create(CultureInfo.InvariantCulture, $"a break-glass reason is at most {CommandParser.MaxReasonLength} characters; that one is {reason.Length}"));
        return new DeployCommand(service, version, reason.ToString());
    }

    public static bool IsFlag(ReadOnlySpan<char> token)
    {
        foreach (var spelling in Spellings)
        {
            if (token.Equals(spelling, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
