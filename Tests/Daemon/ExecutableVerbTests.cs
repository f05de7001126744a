using System.Diagnostics;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

/// <summary>The verbs and exit codes of the real executable, run as its own process.</summary>
public class ExecutableVerbTests
{
    private static readonly string Executable = RepoPaths.DaemonExecutable;
    private static readonly string Shipped = Path.Combine(RepoPaths.Root, "appsettings.json");

    private static async Task<(int Code, string Out, string Err)> RunAsync(IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("Slack__AppToken");
        start.Environment.Remove("Slack__BotToken");
        start.Environment.Remove("CREDENTIALS_DIRECTORY");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

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
}
