using System.Globalization;
using System.Text;

namespace SocketDeployer.Core.Commands;

/// <content>The verbs about a service's releases: <c>history</c>, <c>rollback</c> and <c>plan</c>.</content>
public static partial class CommandParser
{
    /// <summary>Releases <c>history</c> lists when no count is given.</summary>
    public const int DefaultHistory = 10;

    /// <summary>The most <c>history</c> lists: one reply, a bounded number of AWS reads.</summary>
    public const int MaxHistory = 50;

    private static ParsedCommand? ParseReleaseVerb(ReadOnlySpan<char> verb, ref TokenReader reader)
    {
        if (Ascii.EqualsIgnoreCase(verb, "history"))
            return ParseHistory(ref reader);
        if (Ascii.EqualsIgnoreCase(verb, "rollback"))
            return ParseRollback(ref reader);
        if (Ascii.EqualsIgnoreCase(verb, "plan"))
            return ParsePlan(ref reader);
        return null;
    }

    private static ParsedCommand ParseHistory(ref TokenReader reader)
    {
        if (!reader.TryRead(out var service))
            return Error("`history` needs a service: `history &lt;service&gt; [count]`");
        if (TokenRules.CheckService(service) is { } badService)
            return Error(badService);
        var count = DefaultHistory;
        if (reader.TryRead(out var number))
        {
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxHistory)
                return Error($"the count after the service is a number from 1 to {MaxHistory}, not {TokenRules.Code(number)}");
        }

        if (!reader.Rest.IsEmpty)
            return Error($"unexpected text after the count: {TokenRules.Code(reader.Rest)}");
        return new HistoryCommand(TokenRules.ToLowerAscii(service), count);
    }

    private static ParsedCommand ParseRollback(ref TokenReader reader)
    {
        if (!reader.TryRead(out var service))
            return Error("`rollback` needs a service: `rollback &lt;service&gt; [version]`");
        if (TokenRules.CheckService(service) is { } badService)
            return Error(badService);
        var name = TokenRules.ToLowerAscii(service);
        var rest = reader.Rest;
        if (!reader.TryRead(out var version))
            return new RollbackCommand(name, null);
        // "rollback app --break-glass …": the previous version, during a freeze.
        if (BreakGlassArgument.IsFlag(version))
            return BreakGlassArgument.Parse(rest, name, "") switch
            {
                DeployCommand flagged => new RollbackCommand(name, null, flagged.BreakGlass),
                var error => error,
            };
        if (TokenRules.CheckVersion(version) is { } badVersion)
            return Error(badVersion);
        return BreakGlassArgument.Parse(reader.Rest, name, version.ToString()) switch
        {
            DeployCommand deploy => new RollbackCommand(name, deploy.Version, deploy.BreakGlass),
            var error => error,
        };
    }

    private static ParsedCommand ParsePlan(ref TokenReader reader)
    {
        if (!reader.TryRead(out var what) || !Ascii.EqualsIgnoreCase(what, "deploy"))
            return Error("`plan` goes with `deploy`: `plan deploy &lt;service&gt; &lt;version&gt;`");
        return ParseDeploy(ref reader) switch
        {
            DeployCommand deploy => new PlanCommand(deploy.Service, deploy.Version, deploy.BreakGlass),
            var error => error,
        };
    }
}
