using System.Globalization;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>The fixed-width table: fault × kind × releases × invariants held × recovery time.</summary>
internal sealed class FaultTable(TextWriter output)
{
    private const string Format = "{0,-36} {1,-7} {2,8} {3,10} {4,9}  {5}";

    public void WriteHeader()
    {
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Format, "fault", "kind", "releases", "invariants", "recovery", "result"));
        output.WriteLine(new string('-', 86));
    }

    public void WriteRow(FaultRunResult result)
    {
        var finished = result.Releases.Count(r => r.Failure is null);
        var held = result.Invariants.Count(i => i.Held);
        var recovery = result.WorstRecovery is not { } r ? "—"
            : r < TimeSpan.FromSeconds(1) ? r.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms"
            : r.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            Format,
            result.Scenario.Name,
            result.Scenario.Kind.ToString().ToLowerInvariant(),
            $"{finished}/{result.Requested}",
            $"{held}/{result.Invariants.Count}",
            recovery,
            result.Passed ? "ok" : "FAIL"));
        output.Flush();
    }
}
