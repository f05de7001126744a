using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>Releases another daemon instance ran before this one started: executions in the Sandbox's SSM, tagged as
/// the daemon tags them, so whatever this daemon says about them it read from SSM.</summary>
internal static class ReleaseSeeds
{
    private static readonly Dictionary<string, string> Documents = new(StringComparer.Ordinal) { ["app"] = "Deploy-App", ["ui"] = "Deploy-UI" };

    public static SandboxExecution Seed(this AwsSandbox aws, string service, string version, string status, string requester = Alice)
    {
        var execution = aws.CreateExecution(Documents[service], null, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Thread] = $"{DeployChannel}/1700000000.000100",
            [ExecutionTags.Requester] = requester,
            [ExecutionTags.Service] = service,
            [ExecutionTags.Version] = version,
            [ExecutionTags.StatusTs] = "1700000000.000200",
        });
        aws.SetStatus(execution.Id, status);
        return execution;
    }
}
