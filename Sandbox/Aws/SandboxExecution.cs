namespace SocketDeployer.Sandbox.Aws;

/// <summary>An Automation execution held by the sandbox. Mutations go through the sandbox (under its lock); tests read snapshots.</summary>
public sealed class SandboxExecution
{
    internal SandboxExecution(string id, SandboxDocument document, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters, string? clientToken, DateTimeOffset start)
    {
        Id = id;
        Document = document;
        Parameters = parameters;
        ClientToken = clientToken;
        StartTime = start;
        Steps = [.. document.Steps.Select(s => new SandboxStepExecution(s))];
    }

    /// <summary>AutomationExecutionId.</summary>
    public string Id { get; }

    /// <summary>The document version it runs.</summary>
    public SandboxDocument Document { get; }

    /// <summary>The parameters as started.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; }

    /// <summary>The ClientToken it was started with.</summary>
    public string? ClientToken { get; }

    /// <summary>Pending, InProgress, Waiting, Success, TimedOut, Cancelling, Cancelled, Failed.</summary>
    public string Status { get; internal set; } = "InProgress";

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset? EndTime { get; internal set; }

    public string? FailureMessage { get; internal set; }

    /// <summary>Tags in insertion order.</summary>
    public IReadOnlyDictionary<string, string> Tags => TagStore;

    /// <summary>The step executions, one per document step.</summary>
    public IReadOnlyList<SandboxStepExecution> Steps { get; }

    /// <summary>Signals received (type and Comment), in order.</summary>
    public IReadOnlyList<SandboxSignal> Signals => SignalStore;

    /// <summary>The step currently running or waiting, if any.</summary>
    public SandboxStepExecution? CurrentStep => Steps.FirstOrDefault(s => s.Status is "InProgress" or "Waiting");

    /// <summary>Whether the status is final.</summary>
    public bool IsTerminal => IsTerminalStatus(Status);

    internal Dictionary<string, string> TagStore { get; } = new(StringComparer.Ordinal);

    internal List<SandboxSignal> SignalStore { get; } = [];

    internal CancellationTokenSource Stopping { get; } = new();

    internal static bool IsTerminalStatus(string status) => status is "Success" or "TimedOut" or "Cancelled" or "Failed" or "CompletedWithSuccess" or "CompletedWithFailure";
}

/// <summary>One step's execution state.</summary>
public sealed class SandboxStepExecution(SandboxStep step)
{
    /// <summary>The document step.</summary>
    public SandboxStep Step { get; } = step;

    public string StepExecutionId { get; } = Guid.NewGuid().ToString();

    /// <summary>Pending, InProgress, Waiting, Success, TimedOut, Cancelled, Failed.</summary>
    public string Status { get; internal set; } = "Pending";

    public DateTimeOffset? StartTime { get; internal set; }

    public DateTimeOffset? EndTime { get; internal set; }

    public string? FailureMessage { get; internal set; }
}

/// <summary>A SendAutomationSignal the execution received.</summary>
public sealed record SandboxSignal(string SignalType, IReadOnlyList<string> Comment, DateTimeOffset Time);
