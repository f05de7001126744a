namespace SocketDeployer.Tests.AwsEvents;

/// <summary>Reads the published AWS payloads in ../shared/samples/aws (never copied into the repo).</summary>
internal static class AwsSamples
{
    public const string StepEvent = "eventbridge-ssm-automation-step-status-change.json";
    public const string ExecutionEvent = "eventbridge-ssm-automation-execution-status-change.json";
    public const string SnsEnvelope = "sns-notification-envelope-as-sqs-body.json";
    public const string ReceiveMessageResponse = "sqs-receivemessage-response-with-eventbridge-event-body.json";

    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocketDeployer.sln")))
                directory = directory.Parent;

            Assert.That(directory, Is.Not.Null, "no SocketDeployer.sln above the test directory");
            return Path.GetFullPath(Path.Combine(directory!.FullName, "..", "shared", "samples", "aws"));
        }
    }

    public static string FullPath(string name) => Path.Combine(Folder, name);

    public static string Read(string name) => File.ReadAllText(FullPath(name));
}
