using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Configuration;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

/// <summary>The one validation both verbs run: every section, every key, each failure under its full key.</summary>
public class ConfigurationCheckTests
{
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "appsettings.json");
    private static readonly string[] Tokens = ["--Slack:AppToken=xapp-1-A0TEST-1-abc", "--Slack:BotToken=xoxb-1-2-abc"];

    private static IReadOnlyList<string> Failures(string? config = null, params string[] overrides)
    {
        using var check = ConfigurationCheck.Run(DaemonCommandLine.Parse(["run", "--config", config ?? Shipped, .. Tokens, .. overrides]), null);
        return check.Failures;
    }

    private static string Copy(Func<string, string> change)
    {
        var path = Path.Combine(Path.GetTempPath(), $"socketdeployer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, change(File.ReadAllText(Shipped)));
        return path;
    }

    [Test]
    public void TheShippedConfigurationPasses() => Assert.That(Failures(), Is.Empty);

    [Test]
    public void AMisspeltServiceKeyNamesTheKeyAndTheNearestKnownOne()
    {
        var config = Copy(json => json.Replace("\"RequiredApprovals\"", "\"RequiredApproval\"", StringComparison.Ordinal));
        Assert.That(Failures(config), Does.Contain("Deploy:Services:ui:RequiredApproval: unknown key (did you mean RequiredApprovals?)"));
    }

    [Test]
    public void AStrayKeyIsRefusedToo()
    {
        Assert.That(
            Failures(null, "--Deploy:Services:app:Aprovers:0=U0BOB"),
            Does.Contain("Deploy:Services:app:Aprovers: unknown key (did you mean Approvers?)"));
    }

    [TestCase("--Slack:Conections=2", "Slack:Conections: unknown key (did you mean Connections?)")]
    [TestCase("--Slack:Pacing:PostPerSecond=1", "Slack:Pacing:PostPerSecond: unknown key (did you mean PostsPerSecond?)")]
    [TestCase("--Slack:SocketMode:HelloTimeOut2=00:00:05", "Slack:SocketMode:HelloTimeOut2: unknown key (did you mean HelloTimeout?)")]
    [TestCase("--Aws:QueueUri=https://sqs.us-east-1.amazonaws.com/1/q", "Aws:QueueUri: unknown key (did you mean QueueUrl?)")]
    [TestCase("--Queue:Concurency=2", "Queue:Concurency: unknown key (did you mean Concurrency?)")]
    [TestCase("--Deploy:Chanels:0=C0123", "Deploy:Chanels: unknown key (did you mean Channels?)")]
    public void EverySectionRefusesUnknownKeys(string setting, string failure) =>
        Assert.That(Failures(null, setting), Does.Contain(failure));

    [Test]
    public void ParameterNamesAndHostSectionsAreFree()
    {
        Assert.That(
            Failures(null, "--Deploy:Services:app:Parameters:AnyDocumentParameter={version}", "--Logging:LogLevel:SocketDeployer=Debug", "--Metrics:Anything=1"),
            Is.Empty);
    }

    [TestCase("--Queue:Concurrency=0", "Queue:Concurrency: must be between 1 and 32")]
    [TestCase("--Slack:Pacing:PostsPerSecond=0.01", "Slack:Pacing:PostsPerSecond: must be between 0.1 and 100")]
    [TestCase("--Slack:SocketMode:HelloTimeout=-00:00:05", "Slack:SocketMode:HelloTimeout: must be between 0.01 s and 5 min, not -5 s")]
    [TestCase("--Slack:Retry:MaxRetryAttempts=-1", "Slack:Retry:MaxRetryAttempts: must be between 0 and 20")]
    [TestCase("--Slack:Retry:BaseDelay=00:01:00", "Slack:Retry:BaseDelay: must not be longer than MaxDelay")]
    [TestCase("--Slack:SocketMode:ReconnectBaseDelay=00:05:00", "Slack:SocketMode:ReconnectBaseDelay: must not be longer than ReconnectMaxDelay")]
    public void EveryOptionsClassIsValidatedByName(string setting, string failure) =>
        Assert.That(Failures(null, setting), Has.Some.StartsWith(failure));

    [Test]
    public void AllFailuresAreReportedAtOnce()
    {
        var failures = Failures(null, "--Queue:Concurrency=0", "--Slack:Pacing:PostsPerSecond=0.01", "--Slack:SocketMode:HelloTimeout=-00:00:05");
        Assert.That(failures, Has.Count.EqualTo(3), string.Join("\n", failures));
    }

    [Test]
    public void InvalidJsonNamesTheFileLineAndColumn()
    {
        var config = Copy(_ => "{\n  \"Slack\": {\n    \"Connections\": 2,,\n  }\n}\n");
        Assert.That(Failures(config), Is.EqualTo(new[]
        {
            $"Configuration file {config} is not valid JSON: line 3, column 22: ',' is an invalid start of a property name. Expected a '\"'",
        }));
    }

    [Test]
    public void AMissingFileIsNamed() =>
        Assert.That(Failures("/nonexistent/appsettings.json"), Is.EqualTo(new[] { "Configuration file /nonexistent/appsettings.json not found (use --config PATH)" }));
}
