namespace SocketDeployer.Core.Audit;

/// <summary>One line of the audit log.</summary>
/// <param name="Event">request, start, refuse, prompt, approve, reject, cancel, end.</param>
/// <param name="Outcome">accepted, refused, started, duplicate, failed, … — short and greppable.</param>
/// <param name="Reason">Why, in words: what was refused and why, what a decision said. Never a bare step name.</param>
/// <param name="Step">The Automation step the entry is about (an approval step), when there is one.</param>
public sealed record AuditEntry(
    string Event,
    string Outcome,
    string? User = null,
    string? Channel = null,
    string? Command = null,
    string? Service = null,
    string? Version = null,
    string? ExecutionId = null,
    string? Reason = null,
    string? Step = null);
