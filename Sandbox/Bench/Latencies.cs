using System.Globalization;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>A sample of latencies in milliseconds: p50, p99, max.</summary>
internal sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(IEnumerable<double> milliseconds, int missing = 0)
    {
        _sorted = [.. milliseconds.Order()];
        Missing = missing;
    }

    public int Count => _sorted.Length;

    /// <summary>Samples that never completed (no ack, no call) within the phase's deadline.</summary>
    public int Missing { get; }

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() => Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"{Ms(P50)} / {Ms(P99)} / {Ms(Max)}{(Missing > 0 ? $" ({Missing} missing)" : "")}");

    public static string Ms(double ms) => double.IsNaN(ms)
        ? "n/a"
        : ms < 10 ? string.Create(CultureInfo.InvariantCulture, $"{ms:0.00} ms") : string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");
}
