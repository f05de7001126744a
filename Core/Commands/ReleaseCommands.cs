namespace SocketDeployer.Core.Commands;

/// <summary><c>history &lt;service&gt; [N]</c>: the service's last N releases.</summary>
/// <param name="Service">Lower-cased, as in <see cref="DeployCommand"/>.</param>
/// <param name="Count">1 to <see cref="CommandParser.MaxHistory"/>; <see cref="CommandParser.DefaultHistory"/> when not given.</param>
public sealed record HistoryCommand(string Service, int Count) : ParsedCommand;

/// <summary><c>rollback &lt;service&gt; [&lt;version&gt;]</c>: release the previous successful version, or the one given.</summary>
/// <param name="Version">Null for the previous successful version; otherwise one that must have succeeded on the service before.</param>
/// <param name="BreakGlass">The reason given with <c>--break-glass</c> (a rollback during a freeze), as in <see cref="DeployCommand"/>.</param>
public sealed record RollbackCommand(string Service, string? Version, string? BreakGlass = null) : ParsedCommand;

/// <summary><c>plan deploy &lt;service&gt; &lt;version&gt;</c>: what a deploy would do, starting nothing.</summary>
/// <param name="BreakGlass">The plan of a deploy with <c>--break-glass</c>, as in <see cref="DeployCommand"/>.</param>
public sealed record PlanCommand(string Service, string Version, string? BreakGlass = null) : ParsedCommand;
