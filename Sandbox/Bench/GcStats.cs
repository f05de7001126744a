using System.Globalization;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>The daemon's allocation and GC figures, as <see cref="StartupHook"/> last wrote them.</summary>
internal readonly record struct GcStats(long AllocatedBytes, long HeapBytes, int Gen0, int Gen1, int Gen2)
{
    public static GcStats? ReadLast(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        string? last = null;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Split(' ').Length == 5)
                {
                    last = line;
                }
            }
        }

        if (last is null)
        {
            return null;
        }

        var f = last.Split(' ');
        return new GcStats(
            long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture),
            int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture));
    }
}
