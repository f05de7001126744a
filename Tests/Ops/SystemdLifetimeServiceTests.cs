using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class SystemdLifetimeServiceTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);
    private readonly TimerSignallingTime _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeProbes _probes = new();
    private readonly FakeLifetime _lifetime = new();
    private readonly RecordingNotifier _notifier = new();
    private SystemdLifetimeService? _service;

    public void Dispose()
    {
        _service?.Dispose();
        _lifetime.Dispose();
    }

    [Test]
    public async Task SendsReadyAndStatusOnceTheReadinessProbeCompletes()
    {
        await StartAsync(watchdogUsec: null);
        _probes.Summary = "2 Slack connections; queue polled 1 s ago";
        Assert.That(_notifier.TryReceive(out _), Is.False, "nothing before the probe completes");

        _probes.BecomeReady();

        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("STATUS=2 Slack connections; queue polled 1 s ago"));
    }

    [Test]
    public async Task TheStatusStaysOneLineSoItCannotInjectOtherAssignments()
    {
        await StartAsync(watchdogUsec: null);
        _probes.Summary = "stalled\nREADY=1\r\nWATCHDOG=trigger";

        _probes.BecomeReady();

        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("STATUS=stalled READY=1 WATCHDOG=trigger"));
    }

    [Test]
    public async Task RefreshesTheStatusEveryTickWithoutAWatchdog()
    {
        await StartReadyAsync(watchdogUsec: null);
        Assert.That(_service!.TickPeriod, Is.EqualTo(SystemdLifetimeService.StatusInterval));
        _probes.Summary = "1 release running";

        _time.Advance(SystemdLifetimeService.StatusInterval);

        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("STATUS=1 release running"));
        Assert.That(_probes.LivenessCalls, Is.Zero, "no watchdog, so nothing to ask the liveness probe");
    }

    [Test]
    public async Task PingsTheWatchdogAtHalfWatchdogSecWhileTheLoopsMakeProgress()
    {
        await StartReadyAsync(watchdogUsec: "30000000");
        Assert.That(_service!.TickPeriod, Is.EqualTo(Tick));

        for (var i = 0; i < 3; i++)
        {
            _time.Advance(Tick);
            Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
            Assert.That(await _notifier.ReceiveAsync(), Does.StartWith("STATUS="));
        }

        Assert.That(_probes.LivenessCalls, Is.EqualTo(3));
    }

    [Test]
    public async Task WithholdsTheWatchdogWhileTheLoopsAreStalledAndResumesAfter()
    {
        var logger = new FakeLogger<SystemdLifetimeService>();
        await StartReadyAsync(watchdogUsec: "30000000", logger);
        _probes.MakingProgress = false;

        _time.Advance(Tick);
        var stalledTick1 = await _notifier.ReceiveAsync();
        _time.Advance(Tick);
        var stalledTick2 = await _notifier.ReceiveAsync();
        Assert.That(new[] { stalledTick1, stalledTick2 }, Is.All.StartWith("STATUS="), "each tick ends with its status line; no WATCHDOG=1 before it");
        Assert.That(_probes.LivenessCalls, Is.EqualTo(2));
        Assert.That(logger.Collector.GetSnapshot().Count(r => r.Id.Id == 6104), Is.EqualTo(1), "the stall is logged once");

        _probes.MakingProgress = true;
        _time.Advance(Tick);

        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
        Assert.That(logger.LatestRecord.Id.Id, Is.EqualTo(6105), "the recovery is logged");
    }

    [Test]
    public async Task PingsTheWatchdogDuringStartUpWithoutAskingTheLivenessProbe()
    {
        await StartAsync(watchdogUsec: "30000000");
        _probes.MakingProgress = false;

        _time.Advance(Tick);

        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
        Assert.That(await _notifier.ReceiveAsync(), Does.StartWith("STATUS="));
        Assert.That(_probes.LivenessCalls, Is.Zero, "TimeoutStartSec bounds start-up, not the liveness probe");
    }

    [Test]
    public async Task SendsStoppingWhenTheHostBeginsToStop()
    {
        await StartReadyAsync(watchdogUsec: "30000000");

        _lifetime.StopApplication();

        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("STOPPING=1"));
        await _service!.StopAsync(CancellationToken.None);
        Assert.That(_service.ExecuteTask, Is.Not.Null.And.Property(nameof(Task.IsCompletedSuccessfully)).True);
    }

    [Test]
    public async Task ANotificationThatFailsIsLoggedAndNeverReachesTheDaemon()
    {
        var logger = new FakeLogger<SystemdLifetimeService>();
        _notifier.Failure = new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
        await StartAsync(watchdogUsec: "30000000", logger);

        _probes.BecomeReady();
        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await _notifier.ReceiveAsync(), Does.StartWith("STATUS="));
        _time.Advance(Tick);
        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"), "the loop goes on after failures");
        _lifetime.StopApplication();
        await _service!.StopAsync(CancellationToken.None);

        Assert.That(_service.ExecuteTask, Is.Not.Null.And.Property(nameof(Task.IsCompletedSuccessfully)).True);
        var failures = logger.Collector.GetSnapshot().Where(r => r.Id.Id == 6100).Select(r => r.Message).ToList();
        Assert.That(failures, Does.Contain("Could not notify systemd of READY").And.Contain("Could not notify systemd of STOPPING"));
        Assert.That(logger.Collector.GetSnapshot().Any(r => r.Id.Id == 6103), Is.False, "not logged as ready when READY=1 did not leave");
    }

    [Test]
    public async Task DoesNothingWithoutNotifySocket()
    {
        var notifier = new RecordingNotifier(enabled: false);
        _service = new SystemdLifetimeService(
            notifier, Environment("30000000"), _probes, _probes, _probes, _lifetime, _time, NullLogger<SystemdLifetimeService>.Instance);

        await _service.StartAsync(CancellationToken.None);
        await _service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(_probes.ReadinessCalls, Is.Zero);
            Assert.That(_time.TimersCreated, Is.Zero);
        });
    }

    private static SystemdEnvironment Environment(string? watchdogUsec) =>
        new(watchdogUsec, null, System.Environment.ProcessId);

    private async Task StartAsync(string? watchdogUsec, FakeLogger<SystemdLifetimeService>? logger = null)
    {
        _service = new SystemdLifetimeService(
            _notifier, Environment(watchdogUsec), _probes, _probes, _probes, _lifetime, _time,
            logger ?? (Microsoft.Extensions.Logging.ILogger<SystemdLifetimeService>)NullLogger<SystemdLifetimeService>.Instance);
        await _service.StartAsync(CancellationToken.None);

        // ExecuteAsync runs in the background: advancing the clock before its timer exists would tick nothing.
        await _time.FirstTimer;
    }

    private async Task StartReadyAsync(string? watchdogUsec, FakeLogger<SystemdLifetimeService>? logger = null)
    {
        await StartAsync(watchdogUsec, logger);
        _probes.BecomeReady();
        Assert.That(await _notifier.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await _notifier.ReceiveAsync(), Does.StartWith("STATUS="));
    }
}
