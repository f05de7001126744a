using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>
/// Once the daemon is ready, one aggressive, compacting collection gives the start-up's garbage back to the operating
/// system. Starting (host, configuration, four AWS SDK clients, the websocket) allocates several times what an idle
/// daemon keeps; without this the GC keeps that memory committed until allocation pressure would make it collect, which
/// an idle daemon never brings, so it showed up as idle RSS for the whole life of the process.
/// </summary>
internal sealed partial class StartupHeapRelease(IReadinessProbe readiness, ILogger<StartupHeapRelease> logger) : BackgroundService
{
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

        var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo();
        Released(logger, before / 1024, after.TotalCommittedBytes / 1024, after.HeapSizeBytes / 1024);
    }

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "Start-up heap released: {BeforeKb} KB committed before, {AfterKb} KB after ({HeapKb} KB live)")]
    private static partial void Released(ILogger logger, long beforeKb, long afterKb, long heapKb);
}
