using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

/// <summary>The verbs and exit codes of the real executable, run as its own process.</summary>
public class ExecutableVerbTests
{
    private static readonly string Executable = RepoPaths.DaemonExecutable;
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "appsettings.json");

    /// <summary>Tokens the test machine may hold are removed, so every run starts from the file and the given variables.</summary>
    private static Task<(int Code, string Out, string Err)> RunAsync(IDictionary<string, string>? environment, params string[] args) =>
        ExecutableRun.RunAsync(Executable, args, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Slack__AppToken"] = null,
            ["Slack__BotToken"] = null,
            ["CREDENTIALS_DIRECTORY"] = null,
        }.Concat((environment ?? new Dictionary<string, string>()).Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))));

    private static string BrokenCopy(Func<string, string> change)
    {
        var path = Path.Combine(Path.GetTempPath(), $"socketdeployer-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, change(File.ReadAllText(Shipped)));
        return path;
    }

    [Test]
    public async Task CheckConfigPassesOnTheShippedCatalog()
    {
        var (code, output, _) = await RunAsync(null, "check-config", "--config", Shipped);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("is valid").And.Contain("Deploy-App v7").And.Contain("Deploy-UI v3"));
        });
    }

    [Test]
    public async Task CheckConfigFailsNamingTheKey()
    {
        var broken = BrokenCopy(json => json.Replace("\"{user}\"", "\"{requester}\"", StringComparison.Ordinal));
        var (code, _, errors) = await RunAsync(null, "check-config", "--config", broken);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("Deploy:Services:app:Parameters:RequestedBy: unknown placeholder {requester}"));
        });
    }

    [Test]
    public async Task RunRefusesToStartOnBadConfigurationWithExitCode1()
    {
        var (code, _, errors) = await RunAsync(
            new Dictionary<string, string> { ["Slack__AppToken"] = "xoxb-not-an-app-token", ["Slack__BotToken"] = "xoxb-1-2-3" },
            "run", "--config", Shipped);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("Slack:AppToken: must be an app-level token"));
            Assert.That(errors, Does.Not.Contain("not-an-app-token"), "tokens are never printed");
        });
    }

    [Test]
    public async Task SystemdCredentialsOverrideTheFile()
    {
        var credentials = Directory.CreateTempSubdirectory("creds-").FullName;
        await File.WriteAllTextAsync(Path.Combine(credentials, "Slack__AppToken"), "xoxp-wrong-kind\n");
        var (code, _, errors) = await RunAsync(
            new Dictionary<string, string> { ["CREDENTIALS_DIRECTORY"] = credentials, ["Slack__BotToken"] = "xoxb-1-2-3" },
            "run", "--config", Shipped);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("Slack:AppToken: must be an app-level token (xapp-…) with connections:write, but the value is a user token"));
        });
    }

    [Test]
    public async Task AMissingConfigFileIsABadConfiguration()
    {
        var (code, _, errors) = await RunAsync(null, "run", "--config", "/nonexistent/appsettings.json");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("/nonexistent/appsettings.json"));
        });
    }

    [Test]
    public async Task VersionPrintsVersionAndCommit()
    {
        var (code, output, _) = await RunAsync(null, "--version");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Match(@"^socketdeployer \d+\.\d+\.\d+ \(commit [0-9a-f]{7,40}\)"));
        });
    }

    [Test]
    public async Task AnUnknownArgumentPrintsUsage()
    {
        var (code, _, errors) = await RunAsync(null, "deploy-everything");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("Usage:"));
        });
    }

    [Test]
    public async Task BothVerbsRefuseTheSameSettingsInTheSameWordsWithoutAStackTrace()
    {
        string[] bad = ["--Queue:Concurrency=0", "--Slack:Pacing:PostsPerSecond=0.01", "--Slack:SocketMode:HelloTimeout=-00:00:05"];
        var tokens = new Dictionary<string, string> { ["Slack__AppToken"] = "xapp-1-A0TEST-1-abc", ["Slack__BotToken"] = "xoxb-1-2-3" };
        var check = await RunAsync(tokens, ["check-config", "--config", Shipped, .. bad]);
        var run = await RunAsync(tokens, ["run", "--config", Shipped, .. bad]);
        Assert.Multiple(() =>
        {
            Assert.That((check.Code, run.Code), Is.EqualTo((1, 1)));
            Assert.That(check.Err, Does.Contain("Queue:Concurrency: must be between 1 and 32")
                .And.Contain("Slack:Pacing:PostsPerSecond: must be between 0.1 and 100")
                .And.Contain("Slack:SocketMode:HelloTimeout: must be between 0.01 s and 5 min, not -5 s"));
            Assert.That(run.Err, Is.EqualTo(check.Err), "run validates exactly what check-config validates");
            Assert.That(run.Err + run.Out, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task InvalidJsonIsWordedTheSameByBothVerbsWithLineAndColumn()
    {
        var broken = BrokenCopy(json => json.Replace("\"BotToken\": \"\",", "\"BotToken\": \"\",,", StringComparison.Ordinal));
        var check = await RunAsync(null, "check-config", "--config", broken);
        var run = await RunAsync(null, "run", "--config", broken);
        Assert.Multiple(() =>
        {
            Assert.That((check.Code, run.Code), Is.EqualTo((1, 1)));
            Assert.That(check.Err, Does.Match($@"Configuration file {System.Text.RegularExpressions.Regex.Escape(broken)} is not valid JSON: line \d+, column \d+: "));
            Assert.That(run.Err, Is.EqualTo(check.Err));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task CheckConfigReportsATokenFileOthersMayRead()
    {
        var exposed = BrokenCopy(json => json.Replace("\"BotToken\": \"\"", "\"BotToken\": \"xoxb-1-2-3\"", StringComparison.Ordinal));
        File.SetUnixFileMode(exposed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var (code, output, _) = await RunAsync(null, "check-config", "--config", exposed);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, "a warning, not a refusal: the daemon runs with it too");
            Assert.That(output, Does.Contain($"warning: Configuration file {exposed} holds secrets (Slack:BotToken) and is readable by group or others (mode 644)"));
            Assert.That(output, Does.Not.Contain("xoxb-1-2-3"));
        });
    }
}
