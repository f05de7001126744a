using System.Text.RegularExpressions;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>A release and a service shaped like the shipped catalog's <c>app</c>.</summary>
internal static class Samples
{
    public const string ExecutionId = "0f2c6d2e-4b1d-4a58-9a7b-2f1e5e4c9d10";

    public static readonly Uri Console = new("https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/x?region=us-east-1");

    public static ReleaseInfo Release(string version = "r-99.1.0") =>
        new(ExecutionId, "C0123PRODDEPLOY", "1700000000.000100", "U0ALICE", "app", version, "1700000000.000200", new Dictionary<string, string>());

    public static ServiceDefinition Service(int required = 1) => new(
        "app", "Public API", "Deploy-App", "7", new Regex("^r-[0-9]+$", RegexOptions.None, TimeSpan.FromSeconds(1)), "^r-\\d+$", "r-99.1.0",
        new Dictionary<string, string>(), ["S0DEPLOYERS"], ["U0BOB", "S0PRODAPPROVERS"], required);
}
