using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Sends each envelope to the flow that owns its type.</summary>
internal sealed class EnvelopeRouter(MentionHandler mentions, ApprovalClickHandler clicks, ILogger<EnvelopeRouter> logger)
{
    public async Task RouteAsync(SocketModeEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Type == "events_api" && MentionEvent.From(envelope.Payload) is { } mention)
        {
            await mentions.HandleAsync(mention, ct);
            return;
        }

        if (envelope.Type == "interactive")
        {
            if (ApprovalClick.From(envelope.Payload) is { } click)
            {
                await clicks.HandleAsync(click, ct);
            }
            else
            {
                WorkerLog.NotAClick(logger, envelope.EnvelopeId);
            }

            return;
        }

        WorkerLog.Skipped(logger, envelope.EnvelopeId, envelope.Type);
    }
}
