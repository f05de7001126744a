namespace SocketDeployer.Sandbox.Faults;

/// <summary>Every fault the Sandbox can inject into a release, by kind.</summary>
public static partial class FaultScenarios
{
    /// <summary>All scenarios: Slack, then AWS (the lock table last), then the process.</summary>
    public static IReadOnlyList<FaultScenario> All => [.. Slack, .. Aws, .. DynamoDb, .. Process];

    /// <summary>One scenario by name.</summary>
    public static FaultScenario Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No fault scenario '{name}'.", nameof(name));

    private static int FirstOpen(FaultContext context) => context.Env.Slack.OpenConnectionIndexes[0];
}
