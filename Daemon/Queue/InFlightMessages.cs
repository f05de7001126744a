using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Daemon.Queue;

/// <summary>
/// Messages received and not yet finished, each kept invisible by a <see cref="VisibilityHeartbeat"/> from the
/// moment it is received: a message waiting in the channel is already ours, and letting its visibility lapse there
/// would only have another receiver handle it in parallel.
/// </summary>
internal sealed class InFlightMessages(ISqs sqs, IOptions<QueueOptions> options, TimeProvider time, ILogger<InFlightMessages> logger)
{
    private readonly ConcurrentDictionary<string, (SqsMessage Message, VisibilityHeartbeat Heartbeat)> _held = new(StringComparer.Ordinal);

    /// <summary>Messages held (received, not yet deleted or returned).</summary>
    public int Count => _held.Count;

    /// <summary>Starts keeping <paramref name="message"/> invisible.</summary>
    public void Hold(SqsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var heartbeat = new VisibilityHeartbeat(message, sqs, options.Value.VisibilitySeconds, time, logger);
        if (!_held.TryAdd(message.ReceiptHandle, (message, heartbeat)))
        {
            _ = heartbeat.StopAsync();
        }
    }

    /// <summary>Stops the heartbeat of <paramref name="message"/>; its current visibility timeout still runs.</summary>
    public Task ReleaseAsync(SqsMessage message) =>
        _held.TryRemove(message.ReceiptHandle, out var held) ? held.Heartbeat.StopAsync() : Task.CompletedTask;

    /// <summary>Gives <paramref name="message"/> back unhandled: visible again at once, for any receiver (best-effort).</summary>
    public async Task ReturnAsync(SqsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await ReleaseAsync(message);
        using var deadline = new CallDeadline(CallDeadline.ReturnTimeout, time, CancellationToken.None);
        try
        {
            await sqs.ChangeVisibilityAsync(message, 0, deadline.Token);
        }
        catch (Exception e)
        {
            QueueLog.AbandonFailed(logger, e, message.MessageId);
        }
    }

    /// <summary>Returns every message still held (shutdown: they were never handled).</summary>
    public async Task<int> ReturnAllAsync()
    {
        var left = _held.Values.Select(h => h.Message).ToList();
        await Task.WhenAll(left.Select(ReturnAsync));
        return left.Count;
    }
}
