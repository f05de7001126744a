using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>
/// Speaks for the daemon to systemd: <c>READY=1</c> once <see cref="IReadinessProbe"/> completes,
/// a <c>STATUS=</c> line from <see cref="IStatusSource"/> at every tick, <c>WATCHDOG=1</c> at half of
/// WatchdogSec while <see cref="ILivenessProbe"/> reports progress, and <c>STOPPING=1</c> when the host
/// begins to stop. Does nothing when systemd is not listening.
/// </summary>
internal sealed class SystemdLifetimeService(
    SystemdNotifier notifier,
    IReadinessProbe readiness,
    ILivenessProbe liveness,
    IStatusSource status,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SystemdLifetimeService> logger) : BackgroundService
{
    /// <summary>How often the status line is refreshed when there is no watchdog to pace it.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(15);

    private CancellationTokenRegistration _stoppingRegistration;
    private volatile bool _ready;
    private bool _stalled;

    /// <summary>The tick: the watchdog interval when systemd watches us, else <see cref="StatusInterval"/>.</summary>
    public TimeSpan TickPeriod => notifier.WatchdogInterval is { } interval
        ? TimeSpan.FromTicks(Math.Max(interval.Ticks, TimeSpan.TicksPerMillisecond))
        : StatusInterval;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered before ExecuteAsync runs (it runs in the background) so that a stop
        // requested during start-up is still announced.
        _stoppingRegistration = lifetime.ApplicationStopping.Register(
            static state => ((SystemdNotifier)state!).Stopping(), notifier);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stoppingRegistration.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SystemdLog.Started(logger, notifier.IsEnabled, notifier.WatchdogInterval);
        if (!notifier.IsEnabled)
        {
            return;
        }

        var becomingReady = BecomeReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(TickPeriod, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; STOPPING=1 went out from the ApplicationStopping callback.
        }

        await becomingReady;
    }

    private async Task BecomeReadyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReadyAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // Never ready: systemd's TimeoutStartSec fails the start and Restart= tries again.
            SystemdLog.ProbeFailed(logger, exception);
            return;
        }

        _ready = true;
        notifier.Ready();
        SystemdLog.Ready(logger);
        notifier.Status(Summary());
    }

    private void Tick()
    {
        if (notifier.WatchdogInterval is not null)
        {
            // Before READY=1 the start-up is bounded by TimeoutStartSec, not by the loops' progress.
            if (!_ready || IsMakingProgress())
            {
                if (_stalled)
                {
                    _stalled = false;
                    SystemdLog.Recovered(logger);
                }

                notifier.Watchdog();
            }
            else if (!_stalled)
            {
                _stalled = true;
                SystemdLog.Stalled(logger);
            }
        }

        notifier.Status(Summary());
    }

    private bool IsMakingProgress()
    {
        try
        {
            return liveness.IsMakingProgress(time.GetUtcNow());
        }
        catch (Exception exception)
        {
            // A probe that cannot answer is no evidence of progress.
            SystemdLog.ProbeFailed(logger, exception);
            return false;
        }
    }

    private string Summary()
    {
        try
        {
            return status.Summary;
        }
        catch (Exception exception)
        {
            SystemdLog.ProbeFailed(logger, exception);
            return "status unavailable";
        }
    }
}
