using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>
/// Speaks for the daemon to systemd: <c>READY=1</c> once <see cref="IReadinessProbe"/> completes,
/// a <c>STATUS=</c> line from <see cref="IStatusSource"/> at every tick, <c>WATCHDOG=1</c> at half of
/// WatchdogSec while <see cref="ILivenessProbe"/> reports progress, and <c>STOPPING=1</c> when the host
/// begins to stop (SIGTERM included). Does nothing when systemd is not listening. A failed notification is
/// logged and never reaches the daemon's work: the daemon must not fail over a status line.
/// </summary>
internal sealed class SystemdLifetimeService(
    ISystemdNotifier notifier,
    SystemdEnvironment environment,
    IReadinessProbe readiness,
    ILivenessProbe liveness,
    IStatusSource status,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SystemdLifetimeService> logger) : BackgroundService
{
    /// <summary>How often the status line is refreshed when there is no watchdog to pace it.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(15);

    private static readonly ServiceState Watchdog = new("WATCHDOG=1");
    private CancellationTokenRegistration _stoppingRegistration;
    private volatile bool _ready;
    private bool _stalled;

    /// <summary>The tick: the watchdog interval when systemd watches us, else <see cref="StatusInterval"/>.</summary>
    public TimeSpan TickPeriod => environment.WatchdogInterval is { } interval
        ? TimeSpan.FromTicks(Math.Max(interval.Ticks, TimeSpan.TicksPerMillisecond))
        : StatusInterval;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered before ExecuteAsync runs (it runs in the background) so that a stop
        // requested during start-up is still announced.
        _stoppingRegistration = lifetime.ApplicationStopping.Register(
            static state => ((SystemdLifetimeService)state!).Notify(ServiceState.Stopping), this);
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
        SystemdLog.Started(logger, notifier.IsEnabled, environment.WatchdogInterval);
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
        if (Notify(ServiceState.Ready))
        {
            SystemdLog.Ready(logger);
        }

        NotifyStatus();
    }

    private void Tick()
    {
        if (environment.WatchdogInterval is not null)
        {
            // Before READY=1 the start-up is bounded by TimeoutStartSec, not by the loops' progress.
            if (!_ready || IsMakingProgress())
            {
                if (_stalled)
                {
                    _stalled = false;
                    SystemdLog.Recovered(logger);
                }

                Notify(Watchdog);
            }
            else if (!_stalled)
            {
                _stalled = true;
                SystemdLog.Stalled(logger);
            }
        }

        NotifyStatus();
    }

    /// <summary>One <c>STATUS=</c> line: line breaks become spaces, so a summary cannot inject other assignments.</summary>
    private void NotifyStatus() => Notify(new ServiceState("STATUS=" + Summary().ReplaceLineEndings(" ")));

    private bool Notify(ServiceState state)
    {
        try
        {
            notifier.Notify(state);
            return true;
        }
        catch (Exception exception)
        {
            // Socket gone, buffer full, disposed at shutdown: the caller's work matters more.
            var text = state.ToString();
            SystemdLog.NotifyFailed(logger, exception, text[..Math.Max(0, text.IndexOf('='))]);
            return false;
        }
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
            return status.Summary ?? string.Empty;
        }
        catch (Exception exception)
        {
            SystemdLog.ProbeFailed(logger, exception);
            return "status unavailable";
        }
    }
}
