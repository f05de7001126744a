using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Daemon.Systemd;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Ops;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SystemdLifetimeServiceTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeProbes _probes = new();
    private readonly FakeLifetime _lifetime = new();
    private readonly NotifySocketListener _listener = NotifySocketListener.OnPath();
    private SystemdNotifier? _notifier;
    private SystemdLifetimeService? _service;

    public void Dispose()
    {
        _service?.Dispose();
        _notifier?.Dispose();
        _listener.Dispose();
        _lifetime.Dispose();
    }

    [Test]
    public async Task SendsReadyAndStatusOnceTheReadinessProbeCompletes()
    {
        await StartAsync(watchdogUsec: null);
        _probes.Summary = "2 Slack connections; queue polled 1 s ago";

        _probes.BecomeReady();

        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("STATUS=2 Slack connections; queue polled 1 s ago"));
    }

    [Test]
    public async Task RefreshesTheStatusEveryTickWithoutAWatchdog()
    {
        await StartReadyAsync(watchdogUsec: null);
        Assert.That(_service!.TickPeriod, Is.EqualTo(SystemdLifetimeService.StatusInterval));
        _probes.Summary = "1 release running";

        _time.Advance(SystemdLifetimeService.StatusInterval);

        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("STATUS=1 release running"));
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
            Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
            Assert.That(await _listener.ReceiveAsync(), Does.StartWith("STATUS="));
        }

        Assert.That(_probes.LivenessCalls, Is.EqualTo(3));
    }

    [Test]
    public async Task WithholdsTheWatchdogWhileTheLoopsAreStalledAndResumesAfter()
    {
        await StartReadyAsync(watchdogUsec: "30000000");
        _probes.MakingProgress = false;

        _time.Advance(Tick);
        var stalledTick1 = await _listener.ReceiveAsync();
        _time.Advance(Tick);
        var stalledTick2 = await _listener.ReceiveAsync();
        Assert.That(new[] { stalledTick1, stalledTick2 }, Is.All.StartWith("STATUS="), "each tick ends with its status line; no WATCHDOG=1 before it");
        Assert.That(_probes.LivenessCalls, Is.EqualTo(2));

        _probes.MakingProgress = true;
        _time.Advance(Tick);

        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
    }

    [Test]
    public async Task PingsTheWatchdogDuringStartUpWithoutAskingTheLivenessProbe()
    {
        await StartAsync(watchdogUsec: "30000000");
        _probes.MakingProgress = false;

        _time.Advance(Tick);

        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("WATCHDOG=1"));
        Assert.That(await _listener.ReceiveAsync(), Does.StartWith("STATUS="));
        Assert.That(_probes.LivenessCalls, Is.Zero, "TimeoutStartSec bounds start-up, not the liveness probe");
    }

    [Test]
    public async Task SendsStoppingWhenTheHostBeginsToStop()
    {
        await StartReadyAsync(watchdogUsec: "30000000");

        _lifetime.StopApplication();

        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("STOPPING=1"));
        await _service!.StopAsync(CancellationToken.None);
        Assert.That(_service.ExecuteTask, Is.Not.Null.And.Property(nameof(Task.IsCompletedSuccessfully)).True);
    }

    [Test]
    public async Task DoesNothingWithoutNotifySocket()
    {
        _notifier = new SystemdNotifier(new SystemdEnvironment(null, "30000000", null, Environment.ProcessId), NullLogger<SystemdNotifier>.Instance);
        _service = new SystemdLifetimeService(_notifier, _probes, _probes, _probes, _lifetime, _time, NullLogger<SystemdLifetimeService>.Instance);

        await _service.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _service.ExecuteTask?.IsCompleted == true, "ExecuteAsync returns at once");
        _lifetime.StopApplication();

        Assert.Multiple(() =>
        {
            Assert.That(_probes.ReadinessCalls, Is.Zero);
            Assert.That(_time.ActiveTimers, Is.Zero);
        });
    }

    private async Task StartAsync(string? watchdogUsec)
    {
        _notifier = SystemdNotifierTests.NotifierFor(_listener.NotifySocket, watchdogUsec);
        _service = new SystemdLifetimeService(_notifier, _probes, _probes, _probes, _lifetime, _time, NullLogger<SystemdLifetimeService>.Instance);
        await _service.StartAsync(CancellationToken.None);

        // ExecuteAsync runs in the background: advancing the clock before its timer exists would tick nothing.
        await WaitUntilAsync(() => _time.ActiveTimers == 1, "the service arms its periodic timer");
    }

    private async Task StartReadyAsync(string? watchdogUsec)
    {
        await StartAsync(watchdogUsec);
        _probes.BecomeReady();
        Assert.That(await _listener.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await _listener.ReceiveAsync(), Does.StartWith("STATUS="));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(10);
        }
    }
}
