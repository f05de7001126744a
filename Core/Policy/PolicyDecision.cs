namespace SocketDeployer.Core.Policy;

/// <summary>Whether a person may do something, and if not, the reason to tell them.</summary>
public sealed record PolicyDecision(bool Allowed, string? Reason)
{
    public static PolicyDecision Allow { get; } = new(true, null);

    public static PolicyDecision Refuse(string reason) => new(false, reason);
}
