using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>
/// Gives memory back to the operating system when the daemon has gone quiet: once it is ready (starting allocates
/// several times what an idle daemon keeps), and after a busy spell (a burst of releases or events) once a whole
/// <see cref="Interval"/> passed with little allocated. The GC alone keeps what a spell made it commit until allocation
/// pressure makes it collect, which an idle daemon never brings, so that memory showed as idle RSS for hours.
/// </summary>
internal sealed partial class HeapRelease(IReadinessProbe readiness, IManagedHeap heap, TimeProvider time, ILogger<HeapRelease> logger) : BackgroundService
{
    /// <summary>How often the heap is looked at: a spell must be followed by this long of quiet.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Allocated since the last release before another is worth a blocking collection.</summary>
    public const long SpellBytes = 8L * 1024 * 1024;

    /// <summary>Allocated within one interval that still counts as quiet (an idle daemon's long polls allocate far less).</summary>
    public const long QuietBytes = 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReadyAsync(stoppingToken);
        }
        catch (Exception)
        {
            // Stopped before ready, or never ready (a failing start says why elsewhere): nothing to release.
            return;
        }

        Release("start-up");
        var released = heap.AllocatedBytes;
        var previous = released;
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = heap.AllocatedBytes;
                if (now - released >= SpellBytes && now - previous < QuietBytes)
                {
                    Release("a busy spell");
                    now = heap.AllocatedBytes;
                    released = now;
                }

                previous = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Release(string after)
    {
        var (before, committed, live) = heap.Compact();
        Released(logger, after, before / 1024, committed / 1024, live / 1024);
    }

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "Heap released after {After}: {BeforeKb} KB committed before, {AfterKb} KB after ({LiveKb} KB live)")]
    private static partial void Released(ILogger logger, string after, long beforeKb, long afterKb, long liveKb);
}
