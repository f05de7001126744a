using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Commands;

// Scratch stand-ins until the commands branch lands; deleted at merge.
public abstract record ParsedCommand;
public sealed record HelpCommand : ParsedCommand;
public sealed record DeployCommand(string Service, string Version) : ParsedCommand;
public sealed record StatusCommand(string? Target) : ParsedCommand;
public sealed record CancelCommand(string ExecutionId) : ParsedCommand;
public sealed record CommandError(string Reason) : ParsedCommand;

public static class CommandParser
{
    public static ParsedCommand Parse(string raw, string botUserId)
    {
        var t = raw.Replace($"<@{botUserId}>", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (t.Length == 0 || t[0] == "help") return new HelpCommand();
        if (t[0] == "run") t = t[1..];
        if (t[0] == "deploy" && t.Length == 3) return new DeployCommand(t[1], t[2]);
        if (t[0] == "status") return new StatusCommand(t.Length > 1 ? t[1] : null);
        if (t[0] == "cancel" && t.Length == 2) return new CancelCommand(t[1]);
        return new CommandError("unknown command");
    }
}

public static class UsageText
{
    public static string For(string botMention) => $"Usage: `{botMention} run deploy <service> <version>` · `status [service|execution-id]` · `cancel <execution-id>` · `help`";
}

public static class ServiceSuggestion
{
    public static string? Closest(string typed, IEnumerable<string> names) => names.FirstOrDefault(n => n[0] == typed[0]);
}

public static class SlackText
{
    public static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

public static class HelpText
{
    public static string Build(IReadOnlyList<ServiceDefinition> services, Func<string, string> nameOf, string botMention) =>
        string.Join('\n', services.Select(s => $"{s.Name}: {s.Description} {s.Example} {string.Join(',', s.Approvers.Select(nameOf))}"));
}
