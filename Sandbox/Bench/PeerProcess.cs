using System.Collections.Concurrent;
using System.Diagnostics;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>A peer (the published daemon, or the Bolt app on node) running as its own process; its output is kept for the report.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PeerProcess(string name, Process process, long startedAt)
    {
        Name = name;
        _process = process;
        StartedAt = startedAt;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The timestamp (<see cref="TimeProvider.GetTimestamp"/>) just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>Its lines of output containing <paramref name="text"/>, oldest first.</summary>
    public IReadOnlyList<string> LinesContaining(string text) => [.. _output.Where(line => line.Contains(text, StringComparison.Ordinal))];

    /// <summary>Its last lines of output, for when something went wrong.</summary>
    public string Tail => string.Join('\n', _output.TakeLast(30));

    public ProcStat Stat() => ProcStat.Read(_process.Id);

    public static PeerProcess Start(
        string name, string fileName, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> environment, TimeProvider time, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var startedAt = time.GetTimestamp();
        return new PeerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}."), startedAt);
    }

    /// <summary>SIGTERM, as systemd stops a service; killed if it has not exited in time.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            while (_output.Count > 200)
            {
                _output.TryDequeue(out _);
            }
        }
    }
}
