using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Sandbox.Environment;

/// <summary>The Automation documents of the shipped catalog, as the Sandbox runs them.</summary>
public static class SandboxDocuments
{
    public static void Register(AwsSandbox aws)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal) { ["ReleaseTag"] = null, ["RequestedBy"] = null };
        aws.RegisterDocument("Deploy-App", "7", AppSteps, parameters);
        aws.RegisterDocument("Deploy-UI", "3", UiSteps, parameters);
        aws.RegisterDocument(GateDocument, GateVersion, GateSteps, GateParameters);
    }

    /// <summary>The gate document of the shipped appsettings.json (Deploy:Gate), as infra/gate.yaml defines it.</summary>
    public const string GateDocument = "SocketDeployer-Gate";

    public const string GateVersion = "1";

    /// <summary>Service and Summary are required; the others default to empty, as in infra/gate.yaml.</summary>
    public static IReadOnlyDictionary<string, string?> GateParameters { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Service"] = null,
        ["Summary"] = null,
        ["Link"] = "",
        ["RequestedBy"] = "",
        ["AutomationAssumeRole"] = "",
    };

    /// <summary>The gate's only step: an approval the daemon's role signals once Slack decided.</summary>
    public static IReadOnlyList<SandboxStep> GateSteps { get; } =
    [
        new("approve", "aws:approve")
        {
            Inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["Message"] = "\"A pipeline waits for a decision in Slack\"" },
        },
    ];

    public static IReadOnlyList<SandboxStep> AppSteps { get; } =
    [
        new("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
        new("updateParameters", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100) },
        new("approve", "aws:approve")
        {
            Inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["Message"] = "\"Roll out to production?\"" },
        },
        new("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
    ];

    /// <summary>The ui service's document, as its catalog description says: the CDN is cleared after the rollout.</summary>
    public static IReadOnlyList<SandboxStep> UiSteps { get; } =
    [
        new("build", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
        new("approve", "aws:approve")
        {
            Inputs = new Dictionary<string, string>(StringComparer.Ordinal) { ["Message"] = "\"Roll out to production?\"" },
        },
        new("rollout", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(200) },
        new("clearCdn", "aws:executeAwsApi") { Duration = TimeSpan.FromMilliseconds(100) },
    ];
}
