using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Sends each acknowledged envelope to the flow that owns its type. The Socket Mode client runs this off its
/// receive loop, so a slow Slack or AWS call never delays the next ack.</summary>
internal sealed class EnvelopeRouter(MentionHandler mentions, ApprovalClickHandler clicks, ILogger<EnvelopeRouter> logger) : ISocketModeHandler
{
    public async ValueTask HandleAsync(SocketModeEnvelope envelope, CancellationToken ct)
    {
        // One bad envelope costs one log line, with what to do about it when Slack or AWS said no.
        try
        {
            await RouteAsync(envelope, ct);
        }
        catch (SlackApiException e)
        {
            WorkerLog.SlackRefused(logger, e.Method, TroubleshootingHints.ForSlack(e));
        }
        catch (AwsException e)
        {
            WorkerLog.AwsRefused(logger, TroubleshootingHints.ForAws(e));
        }
    }

    private async Task RouteAsync(SocketModeEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Type == "events_api" && MentionEvent.From(envelope.Payload) is { } mention)
        {
            await mentions.HandleAsync(mention, ct);
        }
        else if (envelope.Type == "interactive" && ApprovalClick.From(envelope.Payload) is { } click)
        {
            await clicks.HandleAsync(click, ct);
        }
        else if (envelope.Type == "interactive")
        {
            WorkerLog.NotAClick(logger, envelope.EnvelopeId);
        }
        else
        {
            WorkerLog.Skipped(logger, envelope.EnvelopeId, envelope.Type);
        }
    }
}
