using System.Globalization;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>A process's resident memory and CPU time, read from /proc (Linux).</summary>
internal readonly record struct ProcStat(long RssBytes, TimeSpan CpuTime)
{
    /// <summary>Clock ticks per second of /proc/&lt;pid&gt;/stat's utime and stime (sysconf(_SC_CLK_TCK), 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static ProcStat Read(int pid)
    {
        long rss = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                break;
            }
        }

        // The command name may hold spaces and parentheses: fields are counted after the last ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcStat(rss, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }
}
