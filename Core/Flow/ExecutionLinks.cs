namespace SocketDeployer.Core.Flow;

/// <summary>Links into the AWS console for the configured region.</summary>
public sealed class ExecutionLinks(string region)
{
    public string Region { get; } = region;

    public Uri Execution(string executionId) =>
        new($"https://{Region}.console.aws.amazon.com/systems-manager/automation/execution/{Uri.EscapeDataString(executionId)}?region={Region}");
}
