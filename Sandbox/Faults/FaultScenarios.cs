namespace SocketDeployer.Sandbox.Faults;

/// <summary>Every fault the Sandbox can inject into a release, by kind.</summary>
public static partial class FaultScenarios
{
    /// <summary>All scenarios: Slack, then AWS, then the process.</summary>
    public static IReadOnlyList<FaultScenario> All => [.. Slack, .. Aws, .. Process];

    /// <summary>One scenario by name.</summary>
    public static FaultScenario Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No fault scenario '{name}'.", nameof(name));

    private static int FirstOpen(FaultContext context) => context.Env.Slack.OpenConnectionIndexes[0];
}
