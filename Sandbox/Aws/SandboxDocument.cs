namespace SocketDeployer.Sandbox.Aws;

/// <summary>One step of a sandbox Automation document, with what the automation runner should make of it.</summary>
/// <param name="Name">The step name.</param>
/// <param name="Action">The action, e.g. <c>aws:sleep</c>, <c>aws:approve</c>, <c>aws:executeAwsApi</c>.</param>
public sealed record SandboxStep(string Name, string Action = "aws:sleep")
{
    /// <summary>How long the step runs before it reaches <see cref="Outcome"/>.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The step's final status: Success, Failed or TimedOut.</summary>
    public string Outcome { get; init; } = "Success";

    /// <summary>For <c>aws:approve</c>: how long it waits for a signal before timing out.</summary>
    public TimeSpan ApprovalTimeout { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When set, the step sends <c>{"socketdeployer":1,"executionId":…,"text":…}</c> to the sandbox's event queue.</summary>
    public string? LogMessage { get; init; }

    /// <summary>The FailureMessage a failing step reports.</summary>
    public string? FailureMessage { get; init; }

    /// <summary>The step's Inputs as GetAutomationExecution shows them.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the step is an approval that waits for SendAutomationSignal.</summary>
    public bool IsApproval => Action == "aws:approve";
}

/// <summary>A registered document version.</summary>
/// <param name="Name">Document name.</param>
/// <param name="Version">Version string ("1", "7", …).</param>
/// <param name="Steps">The main steps, in order.</param>
/// <param name="Parameters">Declared parameters with their defaults (null = required); null accepts any parameter.</param>
public sealed record SandboxDocument(string Name, string Version, IReadOnlyList<SandboxStep> Steps, IReadOnlyDictionary<string, string?>? Parameters = null);
