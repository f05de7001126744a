using Microsoft.Extensions.Logging.Testing;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Secrets;

/// <summary>A configuration file that holds a token must not be readable by others: the daemon says so at start-up,
/// naming the file and the key, never the value.</summary>
[Platform(Exclude = "Win")]
[UnsupportedOSPlatform("windows")]
public class ConfigFilePermissionsTests
{
    private const int ExposedSecrets = 6200;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private SandboxEnvironment env = null!;
    private FakeLoggerProvider logs = null!;

    [SetUp]
    public async Task StartSandbox()
    {
        env = await SandboxEnvironment.StartAsync();
        logs = new FakeLoggerProvider();
    }

    [TearDown]
    public async Task StopSandbox()
    {
        await env.DisposeAsync();
        logs.Dispose();
    }

    [Test]
    public async Task ATokenInAFileOthersMayReadDrawsAWarningNamingTheKey()
    {
        var config = WriteConfig(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, withToken: true);
        await RunUntilConnectedAsync(config);

        var warning = logs.Records.Single(r => r.EventId == ExposedSecrets);
        Assert.Multiple(() =>
        {
            Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.That(warning.Message, Does.Contain(config).And.Contain("Slack:BotToken").And.Contain("mode 644"));
            Assert.That(warning.Message, Does.Not.Contain("Slack:AppToken"), "an empty token is no secret");
            Assert.That(logs.Records.Select(r => r.Message), Has.None.Contains(env.Slack.BotToken));
        });
    }

    [Test]
    public async Task ATokenInAFileOnlyTheOwnerMayReadIsFine()
    {
        await RunUntilConnectedAsync(WriteConfig(UnixFileMode.UserRead | UnixFileMode.UserWrite, withToken: true));
        Assert.That(logs.Records.Where(r => r.EventId == ExposedSecrets), Is.Empty);
    }

    [Test]
    public async Task AFileWithoutSecretsMayBeReadByAnyone()
    {
        await RunUntilConnectedAsync(WriteConfig(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, withToken: false));
        Assert.That(logs.Records.Where(r => r.EventId == ExposedSecrets), Is.Empty);
    }

    /// <summary>The shipped catalog, with the bot token written into the file when asked (the command line still wins).</summary>
    private string WriteConfig(UnixFileMode mode, bool withToken)
    {
        var config = JsonNode.Parse(File.ReadAllText(SandboxEnvironment.ShippedConfig))!;
        if (withToken)
        {
            config["Slack"]!["BotToken"] = env.Slack.BotToken;
        }

        var path = Path.Combine(env.WorkDirectory, "socketdeployer.json");
        File.WriteAllText(path, config.ToJsonString());
        File.SetUnixFileMode(path, mode);
        return path;
    }

    /// <summary>The real daemon with <c>--config path</c>; the check runs before the host starts, so it has spoken once Slack is connected.</summary>
    private async Task RunUntilConnectedAsync(string config)
    {
        await using var daemon = DaemonInstance.Start(env, logs.AddTo, "--config", config);
        await Task.WhenAny(env.Slack.WaitForConnectionsAsync(2, Wait), daemon.Exit);
        Assert.That(daemon.Exit.IsCompleted, Is.False, () => "The daemon stopped at start:\n" + string.Join('\n', logs.Records));
        Assert.That(await daemon.StopAsync(), Is.Zero);
    }
}
