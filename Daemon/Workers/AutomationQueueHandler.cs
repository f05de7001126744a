using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Flow.Outside;
using SocketDeployer.Core.Flow.Progress;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;
using SocketDeployer.Daemon.Queue;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Turns a queue body into an automation event, applies it to its release's thread (announcing an execution
/// started outside Slack first), and frees the service when it ended.</summary>
internal sealed class AutomationQueueHandler(OutsideExecutions outside, ReleaseProgress progress, LockReleaser locks, ILogger<AutomationQueueHandler> logger) : IQueueMessageHandler
{
    public async Task<QueueOutcome> HandleAsync(SqsMessage message, CancellationToken ct)
    {
        switch (AutomationEventParser.Parse(message.Body))
        {
            case ParseResult.Parsed parsed:
                try
                {
                    // An execution a pipeline, the console or the CLI started gets its thread first; then it is a release like any other.
                    if ((await outside.FindOrAdoptAsync(parsed.Event.ExecutionId, ct)).Pending)
                    {
                        // Another instance is announcing it: back once the thread is tagged.
                        return QueueOutcome.Retry;
                    }

                    if (await progress.ApplyAsync(parsed.Event, ct) == ProgressOutcome.NotYet)
                    {
                        return QueueOutcome.Retry;
                    }

                    // After the thread has the result: a failed release comes back with the message, which then posts nothing twice.
                    await locks.OnEventAsync(parsed.Event, ct);
                    return QueueOutcome.Done;
                }
                catch (SlackApiException e)
                {
                    WorkerLog.SlackRefused(logger, e.Method, TroubleshootingHints.ForSlack(e));
                    return QueueOutcome.Retry;
                }
                catch (AwsException e)
                {
                    WorkerLog.AwsRefused(logger, TroubleshootingHints.ForAws(e));
                    return QueueOutcome.Retry;
                }

            case ParseResult.Ignored ignored:
                WorkerLog.QueueBodyIgnored(logger, message.MessageId, ignored.Reason);
                return QueueOutcome.Done;
            case ParseResult.Malformed malformed:
                // Never dropped silently: it comes back until the redrive policy moves it to the DLQ.
                WorkerLog.QueueBodyMalformed(logger, message.MessageId, malformed.Reason);
                return QueueOutcome.Retry;
            default:
                return QueueOutcome.Retry;
        }
    }
}
