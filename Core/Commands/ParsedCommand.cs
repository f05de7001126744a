namespace SocketDeployer.Core.Commands;

/// <summary>What a mention of the bot asked for, or why it could not be understood.</summary>
public abstract record ParsedCommand;

/// <summary><c>help</c>, or a mention with nothing after it.</summary>
public sealed record HelpCommand : ParsedCommand;

/// <summary><c>[run] deploy &lt;service&gt; &lt;version&gt; [--break-glass &lt;reason&gt;]</c>.</summary>
/// <param name="Service">Lower-cased ASCII letters, digits, <c>-</c> and <c>_</c>; not yet checked against the catalog.</param>
/// <param name="Version">Printable ASCII without whitespace; not yet checked against the service's VersionPattern.</param>
/// <param name="BreakGlass">The reason given with <c>--break-glass</c> (deploy during a freeze), trimmed, not escaped; null without it.</param>
public sealed record DeployCommand(string Service, string Version, string? BreakGlass = null) : ParsedCommand
{
    /// <summary>Set by <c>rollback</c>, which releases an earlier version through this same path.</summary>
    public bool IsRollback { get; init; }
}

/// <summary><c>status [&lt;service&gt;|&lt;execution-id&gt;]</c>.</summary>
/// <param name="Target">Null for everything; a lower-cased execution id (UUID form) or a lower-cased service name.</param>
public sealed record StatusCommand(string? Target) : ParsedCommand
{
    /// <summary>True when <see cref="Target"/> has the UUID form of an SSM execution id.</summary>
    public bool TargetsExecution => Target is not null && CommandParser.IsExecutionId(Target);
}

/// <summary><c>cancel &lt;execution-id&gt;</c>.</summary>
/// <param name="ExecutionId">Lower-cased, UUID form.</param>
public sealed record CancelCommand(string ExecutionId) : ParsedCommand;

/// <summary><c>lock &lt;service&gt; &lt;reason&gt;</c>: hold a service until someone unlocks it.</summary>
/// <param name="Service">Lower-cased, as in <see cref="DeployCommand"/>.</param>
/// <param name="Reason">The rest of the line, trimmed, not escaped (it is stored; every message escapes it).</param>
public sealed record LockCommand(string Service, string Reason) : ParsedCommand;

/// <summary><c>unlock &lt;service&gt;</c>: release a manual lock.</summary>
public sealed record UnlockCommand(string Service) : ParsedCommand;

/// <summary>The text was not a command.</summary>
/// <param name="Reason">One short, specific mrkdwn sentence; user text in it is already escaped, so it can be posted as is (followed by the usage line).</param>
public sealed record CommandError(string Reason) : ParsedCommand;
