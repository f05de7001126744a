namespace SocketDeployer.Daemon.Queue;

/// <summary>Delays between failed receives: exponential from one second, capped, with jitter so instances do not retry in step.</summary>
internal static class ReceiveBackoff
{
    public static readonly TimeSpan Base = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    /// <summary>The delay after <paramref name="failures"/> consecutive failures (≥ 1): between half and all of the exponential step.</summary>
    public static TimeSpan After(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 16);
        var step = TimeSpan.FromTicks(Math.Min(Max.Ticks, Base.Ticks << exponent));
#pragma warning disable CA5394 // Jitter, not security.
        return step / 2 + step / 2 * Random.Shared.NextDouble();
#pragma warning restore CA5394
    }
}
