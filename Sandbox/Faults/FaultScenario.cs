namespace SocketDeployer.Sandbox.Faults;

/// <summary>Which system a fault hits.</summary>
public enum FaultKind
{
    Slack,
    Aws,
    Process,
}

/// <summary>Where in a release a fault is injected.</summary>
public enum FaultPhase
{
    /// <summary>Before the deploy request is posted.</summary>
    BeforeRequest,

    /// <summary>Once the start reply is in the thread, while the first steps run.</summary>
    AfterStart,

    /// <summary>Once the approval prompt is posted, before the approver clicks.</summary>
    BeforeApproval,
}

/// <summary>How the daemon runs for a scenario.</summary>
public enum DaemonMode
{
    /// <summary>In this process (<see cref="Environment.DaemonInstance"/>), with tuned timeouts and captured logs.</summary>
    InProcess,

    /// <summary>As its own <c>dotnet socketdeployer.dll</c> process, so it can be killed.</summary>
    Process,
}

/// <summary>One fault, injected once per release at <see cref="Phase"/>.</summary>
/// <param name="Name">Short, unique, kebab-case.</param>
/// <param name="Kind">The system it hits.</param>
/// <param name="Phase">When it is injected.</param>
/// <param name="InjectAsync">Injects it; returns once the fault is in place (not once it is healed).</param>
public sealed record FaultScenario(string Name, FaultKind Kind, FaultPhase Phase, Func<FaultContext, Task> InjectAsync)
{
    /// <summary>How the daemon runs.</summary>
    public DaemonMode Mode { get; init; } = DaemonMode.InProcess;

    /// <summary>Error logs the fault explains (e.g. "gave up" after an injected refusal); others break an invariant.</summary>
    public Func<DaemonError, bool> Explains { get; init; } = _ => false;

    /// <summary>Why the scenario is known to break an invariant, when it does (a daemon bug, reported); null when it should hold.</summary>
    public string? KnownIssue { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
