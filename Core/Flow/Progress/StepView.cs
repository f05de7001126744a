using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>One step as the status message shows it: its name, its last known status and, once it ended, how long it took.</summary>
/// <param name="Approval">An <c>aws:approve</c> step: it reads as approved or rejected rather than succeeded or failed.</param>
public sealed record StepView(string Name, string Status, string? Duration, bool Approval)
{
    public bool Ended => AutomationStatus.IsTerminal(Status);
}
