using System.Globalization;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>A process's resident memory and CPU time, read from /proc (Linux).</summary>
internal readonly record struct ProcStat(long RssBytes, long RssAnonBytes, long RssFileBytes, TimeSpan CpuTime)
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat's utime and stime (sysconf(_SC_CLK_TCK), 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static ProcStat Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string key) => status.FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024
            : 0;

        // The command name may hold spaces and parentheses: fields are counted after the last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcStat(Kb("VmRSS:"), Kb("RssAnon:"), Kb("RssFile:"), TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }
}
