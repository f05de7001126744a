using System.Globalization;
using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// The shipped catalog plus what the benchmark needs: 20 services with their own documents (the deploy lock is per
/// service, so 20 releases at once need 20 services), a document for injected events, and channels to spread them over.
/// </summary>
internal static class BenchCatalog
{
    public const int ConcurrentServices = 20;
    public const string EventsDocument = "Bench-Events";
    public const int EventChannels = 100;

    /// <summary>The steps of every bench service's document: two timed steps, no approval, so 20 at once end by themselves.</summary>
    public static IReadOnlyList<SandboxStep> ReleaseSteps { get; } =
    [
        new("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
        new("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
    ];

    public static string Service(int i) => string.Create(CultureInfo.InvariantCulture, $"bench{i + 1:D2}");

    public static string EventChannel(int i) => string.Create(CultureInfo.InvariantCulture, $"C0BENCH{i % EventChannels:D3}");

    public static void RegisterDocuments(AwsSandbox aws)
    {
        SandboxDocuments.Register(aws);
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal) { ["ReleaseTag"] = null, ["RequestedBy"] = null };
        for (var i = 0; i < ConcurrentServices; i++)
        {
            aws.RegisterDocument(Document(i), "1", ReleaseSteps, parameters);
        }

        aws.RegisterDocument(EventsDocument, "1", [new SandboxStep("work")]);
    }

    public static void AddChannels(SlackWorkspace slack)
    {
        for (var i = 0; i < EventChannels; i++)
        {
            slack.AddChannel(EventChannel(i), string.Create(CultureInfo.InvariantCulture, $"bench-{i:D3}"));
        }
    }

    /// <summary>Writes the configuration file the daemon runs with; returns its path.</summary>
    public static string WriteConfig(string folder)
    {
        var config = JsonNode.Parse(File.ReadAllText(SandboxEnvironment.ShippedConfig))!.AsObject();
        config["Logging"]!["LogLevel"]!["Default"] = "Warning";
        var services = config["Deploy"]!["Services"]!.AsObject();
        for (var i = 0; i < ConcurrentServices; i++)
        {
            services[Service(i)] = new JsonObject
            {
                ["Description"] = "Benchmark service",
                ["Document"] = Document(i),
                ["DocumentVersion"] = "1",
                ["VersionPattern"] = "^r-\\d+\\.\\d+\\.\\d+$",
                ["Example"] = "r-1.0.0",
                ["Parameters"] = new JsonObject { ["ReleaseTag"] = "{version}", ["RequestedBy"] = "{user}" },
                ["Deployers"] = new JsonArray("S0DEPLOYERS"),
                ["Approvers"] = new JsonArray("U0BOB"),
                ["RequiredApprovals"] = 1,
            };
        }

        var path = Path.Combine(folder, "bench-appsettings.json");
        File.WriteAllText(path, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string Document(int i) => string.Create(CultureInfo.InvariantCulture, $"Bench-Release-{i + 1:D2}");
}
