using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Verbs;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

/// <summary>Exit codes that tell the truth: 0 only after a requested stop, 2 with our own one-line reason otherwise;
/// transient trouble is retried, one line per attempt, never a stack trace.</summary>
public class HonestExitTests
{
    private const int SlackUnreachable = 3011;
    private const int WorkerFailed = 3100;
    private const int SlackRetrying = 1101;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly string[] FastBackoff =
    [
        "--Slack:Retry:MaxRetryAttempts=0",
        "--Slack:SocketMode:ReconnectBaseDelay=00:00:00.050",
        "--Slack:SocketMode:ReconnectMaxDelay=00:00:00.200",
    ];

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
    public async Task SlackUnreachableAtStartIsRetriedOneLinePerAttemptThenARequestedStopIsExitZero()
    {
        var before = env.Slack.OpenConnections;
        env.Slack.FailNext("auth.test", 503, times: 3);
        await using var daemon = DaemonInstance.Start(env, logs.AddTo, FastBackoff);
        await env.Slack.WaitForConnectionsAsync(before + 2, Wait);
        var attempts = logs.Records.Where(r => r.EventId == SlackUnreachable).Select(r => r.Message).ToList();
        var exit = await daemon.StopAsync();
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Has.Count.EqualTo(3).And.All.Contains("Slack is not reachable").And.All.Contains(" s"));
            Assert.That(logs.Records.Where(r => r.Exception is not null), Is.Empty, "no stack trace for a network fault");
            Assert.That(exit, Is.Zero);
        });
    }

    [Test]
    public async Task AWorkerThatThrowsStopsTheDaemonWithExitTwoInOurWords()
    {
        await using var daemon = DaemonInstance.Start(env, services =>
        {
            logs.AddTo(services);
            services.AddHostedService<ThrowingWorker>();
        });
        Assert.That(await daemon.Exit.WaitAsync(Wait), Is.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(logs.Records.Single(r => r.EventId == WorkerFailed).Message,
                Is.EqualTo("ThrowingWorker failed: InvalidOperationException: the worker broke; stopping (exit 2)"));
            Assert.That(logs.Records.Select(r => r.Message), Has.None.Contains("BackgroundServiceExceptionBehavior"));
        });
    }

    [Test]
    public async Task AHostThatStopsWithoutBeingAskedIsExitTwo()
    {
        await using var daemon = DaemonInstance.Start(env, services =>
        {
            logs.AddTo(services);
            services.AddHostedService<QuittingWorker>();
        });
        Assert.That(await daemon.Exit.WaitAsync(Wait), Is.EqualTo(2), "systemd's Restart=on-failure must see it");
    }

    [Test]
    public async Task AccessDeniedOnTheQueueStopsTheDaemonWithExitTwoAndTheHint()
    {
        env.Aws.FailNext("ReceiveMessage", "AccessDenied", 403, times: 5);
        await using var daemon = DaemonInstance.Start(env, logs.AddTo);
        Assert.That(await daemon.Exit.WaitAsync(Wait), Is.EqualTo(2));
        Assert.That(logs.Records.Where(r => r.Level == Microsoft.Extensions.Logging.LogLevel.Critical).Select(r => r.Message),
            Has.Some.Contains("AccessDenied: the daemon's AWS identity may not do this"), string.Join("\n", logs.Records));
    }

    [Test]
    public async Task ARefusedBotTokenIsExitTwoWithTheHint()
    {
        await using var daemon = DaemonInstance.Start(env, logs.AddTo, "--Slack:BotToken=xoxb-1-2-revoked");
        Assert.That(await daemon.Exit.WaitAsync(Wait), Is.EqualTo(2));
        Assert.That(logs.Records.Select(r => r.Message), Has.Some.Contains("invalid_auth: Slack rejected the token; reinstall the app"));
    }

    [Test]
    public async Task OnlineSlackChecksAreOneBoundedAttempt()
    {
        env.Slack.FailNext("auth.test", 503, times: 10);
        env.Slack.FailNext("apps.connections.open", 503, times: 10);
        using var output = new StringWriter();
        var code = await CheckConfigVerb.RunAsync(
            DaemonCommandLine.Parse(["check-config", "--online", .. env.DaemonArguments().Skip(1)]), logs.AddTo, output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(output.ToString(), Does.Contain("✗ Slack bot token (auth.test)").And.Contain("✗ Slack app token (apps.connections.open)"));
            Assert.That(logs.Records.Where(r => r.EventId == SlackRetrying), Is.Empty, "no retries, no retry lines");
        });
    }

    private sealed class ThrowingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the worker broke");
        }
    }

    private sealed class QuittingWorker(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            lifetime.StopApplication();
        }
    }
}
