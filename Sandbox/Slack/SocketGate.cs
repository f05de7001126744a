using Microsoft.AspNetCore.Http.Features;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>
/// Sits between Kestrel and the server's WebSocket so a connection can go silent the way a
/// half-open TCP link does: nothing written arrives, nothing sent is read, pings go unanswered.
/// </summary>
internal sealed class SocketGate
{
    private readonly CancellationTokenSource _released = new();

    public bool Silenced { get; private set; }

    public CancellationToken Released => _released.Token;

    public void Silence() => Silenced = true;

    public void Release() => _released.Cancel();
}

/// <summary>Hands the WebSocket middleware a gated stream instead of the raw upgraded one.</summary>
internal sealed class GatedUpgradeFeature(IHttpUpgradeFeature inner, SocketGate gate) : IHttpUpgradeFeature
{
    public bool IsUpgradableRequest => inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync() => new GatedStream(await inner.UpgradeAsync(), gate);
}

internal sealed class GatedStream(Stream inner, SocketGate gate) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (gate.Silenced)
        {
            await HangAsync(cancellationToken);
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        if (gate.Silenced)
        {
            // Bytes that reached a dead link are lost; wait like the peer never spoke.
            await HangAsync(cancellationToken);
        }

        return read;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        gate.Silenced ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        gate.Silenced ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Release();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        gate.Release();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task HangAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, gate.Released);
        await Task.Delay(Timeout.Infinite, linked.Token);
    }
}
