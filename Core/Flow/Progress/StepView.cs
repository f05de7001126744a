using SocketDeployer.Core.Aws.Events;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>One step as the status message shows it: its name, its last known status and, once it ended, how long it took.</summary>
/// <param name="Approval">An <c>aws:approve</c> step: it reads as approved or rejected rather than succeeded or failed.</param>
public sealed record StepView(string Name, string Status, string? Duration, bool Approval)
{
    // Pooled, also when set by a with-expression: every tracked execution keeps its steps' views (StepText says why).
    private readonly string name = StepText.Intern(Name);
    private readonly string status = StepText.Intern(Status);
    private readonly string? duration = StepText.InternOrNull(Duration);

    public string Name { get => name; init => name = StepText.Intern(value); }

    public string Status { get => status; init => status = StepText.Intern(value); }

    public string? Duration { get => duration; init => duration = StepText.InternOrNull(value); }

    public bool Ended => AutomationStatus.IsTerminal(Status);
}
