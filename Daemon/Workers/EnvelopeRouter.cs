using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Sends each envelope to the flow that owns its type.</summary>
internal sealed class EnvelopeRouter(MentionHandler mentions, ILogger<EnvelopeRouter> logger)
{
    public async Task RouteAsync(SocketModeEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Type == "events_api" && MentionEvent.From(envelope.Payload) is { } mention)
        {
            await mentions.HandleAsync(mention, ct);
            return;
        }

        WorkerLog.Skipped(logger, envelope.EnvelopeId, envelope.Type);
    }
}
