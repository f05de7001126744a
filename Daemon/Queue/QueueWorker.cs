using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocketDeployer.Daemon.Queue;

/// <summary>
/// Consumes the SQS queue: the <see cref="QueueReceiver"/> fills a bounded channel, the <see cref="QueueProcessor"/>
/// handles from it. On stop: the long poll is cancelled, running handlers get <see cref="QueueProcessor.DrainTimeout"/>
/// to finish (and what they finish is deleted), and every message not handled is made visible again at once for
/// another instance, never deleted.
/// </summary>
internal sealed class QueueWorker(
    QueueReceiver receiver,
    QueueProcessor processor,
    InFlightMessages inFlight,
    IOptions<QueueOptions> options,
    ILogger<QueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting before the first remote call.
        await Task.Yield();
        var o = options.Value;
        QueueLog.Starting(logger, o.Concurrency, o.VisibilitySeconds, o.WaitTimeSeconds);
        var processing = processor.RunAsync(receiver.Reader, stoppingToken);
        await receiver.RunAsync(stoppingToken);
        await processing;

        // Whatever is still held was received but never handled: the buffered channel, a batch cut short.
        var returned = await inFlight.ReturnAllAsync();
        if (returned > 0)
        {
            QueueLog.Abandoned(logger, returned);
        }

        QueueLog.Stopped(logger);
    }
}
