using System.Text;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Commands;

/// <summary>The help's list of commands: each one, what it does, and an example with a real service and version.</summary>
public static class CommandHelp
{
    /// <summary>"*Commands*" and one line per command, in mrkdwn; examples name the first service (or <c>app</c>).</summary>
    public static string Build(IReadOnlyList<ServiceDefinition> services, string botMention)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(botMention);
        string bot = SlackText.EscapeEntities(botMention.Replace('`', '\u02CB'));
        var first = services.Count > 0 ? services[0] : null;
        // Aliases are checked to be [a-z0-9_-]; the example is trusted configuration but may hold mrkdwn characters.
        var service = first?.Name ?? "app";
        var version = SlackText.Escape((first?.Example ?? "r-1.0.0").Replace('`', '\u02CB'));
        var text = new StringBuilder("*Commands*\n");
        void Line(string what, string example) => text.Append("• ").Append(what).Append(" — e.g. `").Append(bot).Append(' ').Append(example).Append("`\n");
        Line("`run deploy <service> <version>` releases a version (`deploy` works too)", $"run deploy {service} {version}");
        Line("`plan deploy <service> <version>` says what that deploy would do and starts nothing", $"plan deploy {service} {version}");
        Line("`rollback <service> [version]` releases the previous successful version, or an earlier one that succeeded", $"rollback {service}");
        Line($"`history <service> [count]` lists the last releases ({CommandParser.DefaultHistory} unless a count up to {CommandParser.MaxHistory} is given)", $"history {service} 5");
        Line("`status [service|execution-id]` shows what is running and the last results", $"status {service}");
        Line("`cancel <execution-id>` stops a running release", "cancel 0b5e1c2a-3f4d-4e6f-8a9b-0c1d2e3f4a5b");
        Line("`lock <service> <reason>` holds a service until `unlock <service>`", $"lock {service} database migration");
        Line("`unlock <service>` releases a manual lock", $"unlock {service}");
        Line("`help` shows this", "help");
        return text.ToString().Replace("<service>", "&lt;service&gt;", StringComparison.Ordinal)
            .Replace("<version>", "&lt;version&gt;", StringComparison.Ordinal)
            .Replace("<reason>", "&lt;reason&gt;", StringComparison.Ordinal)
            .Replace("<execution-id>", "&lt;execution-id&gt;", StringComparison.Ordinal);
    }
}
