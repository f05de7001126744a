using System.Threading.Channels;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Hands acknowledged envelopes from the sockets to the handlers through a bounded channel,
/// so a slow Slack or AWS call never delays the next ack.</summary>
internal sealed class EnvelopeDispatcher : ISocketModeHandler
{
    public const int Capacity = 256;

    private readonly Channel<SocketModeEnvelope> channel = Channel.CreateBounded<SocketModeEnvelope>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    public ChannelReader<SocketModeEnvelope> Reader => channel.Reader;

    public ValueTask HandleAsync(SocketModeEnvelope envelope, CancellationToken ct) => channel.Writer.WriteAsync(envelope, ct);

    /// <summary>Stop taking envelopes: those already queued are still handled.</summary>
    public void Complete() => channel.Writer.TryComplete();
}
