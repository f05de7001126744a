using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.AwsEvents;

/// <summary>Reads the published AWS payloads in Tests/Samples/aws (origins in its SOURCES.md).</summary>
internal static class AwsSamples
{
    public const string StepEvent = "eventbridge-ssm-automation-step-status-change.json";
    public const string ExecutionEvent = "eventbridge-ssm-automation-execution-status-change.json";
    public const string SnsEnvelope = "sns-notification-envelope-as-sqs-body.json";

    public static string Folder => RepoPaths.Sample("aws");

    public static string FullPath(string name) => Path.Combine(Folder, name);

    public static string Read(string name) => File.ReadAllText(FullPath(name));
}
