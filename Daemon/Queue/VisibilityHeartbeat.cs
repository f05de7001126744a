using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Daemon.Queue;

/// <summary>Keeps one held message invisible to other receivers: every half visibility timeout it is extended by a whole one.</summary>
internal sealed class VisibilityHeartbeat
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts beating at once: the timer is running before the constructor returns.</summary>
    public VisibilityHeartbeat(SqsMessage message, ISqs sqs, int visibilitySeconds, TimeProvider time, ILogger logger)
    {
        _loop = BeatAsync(message, sqs, visibilitySeconds, time, logger, _stop.Token);
    }

    /// <summary>Stops beating; returns once no extension is in flight, so a later visibility change is not overwritten.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task BeatAsync(SqsMessage message, ISqs sqs, int seconds, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        // A periodic timer, not a delay per beat: the schedule does not drift by the duration of each call.
        using var beat = new PeriodicTimer(TimeSpan.FromSeconds(seconds / 2.0), time);
        try
        {
            while (await beat.WaitForNextTickAsync(ct))
            {
                using var deadline = new CallDeadline(CallDeadline.CallTimeout, time, ct);
                try
                {
                    await sqs.ChangeVisibilityAsync(message, seconds, deadline.Token);
                    QueueLog.VisibilityExtended(logger, message.MessageId, seconds);
                }
                catch (AwsException e) when (SqsErrors.IsReceiptLost(e.Code))
                {
                    QueueLog.VisibilityLost(logger, message.MessageId, e.Code);
                    return;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Half a timeout is left: the next beat may still save it.
                    QueueLog.VisibilityExtendFailed(logger, e, message.MessageId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped: the message was handled or is being returned.
        }
    }
}
