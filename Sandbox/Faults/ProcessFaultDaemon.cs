using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>The daemon executable (<c>dotnet socketdeployer.dll</c>, beside the Sandbox's own) as its own process.</summary>
internal sealed class ProcessFaultDaemon : IFaultDaemon
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ProcessFaultDaemon(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The daemon's entry assembly; the Sandbox references the Daemon, so it is copied with its deps.json.</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "socketdeployer.dll");

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output);

    // The console logger writes one line per entry: "hh:mm:ss.fff fail: Category[id] message System.XException: …".
    public IReadOnlyList<DaemonError> Errors =>
    [
        .. _output.Where(l => (l.Contains(" fail: ", StringComparison.Ordinal) || l.Contains(" crit: ", StringComparison.Ordinal))
                && l.Contains("Exception", StringComparison.Ordinal))
            .Select(l => new DaemonError("console", 0, l, "Exception")),
    ];

    public static IFaultDaemon Start(SandboxEnvironment env, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The daemon's own runtimeconfig names only Microsoft.NETCore.App, but beside a Web SDK host (the Sandbox, the tests)
        // its Microsoft.Extensions assemblies come from the ASP.NET Core framework: run it with the host's deps and runtimeconfig.
        if (HostFiles() is { } host)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(host.RuntimeConfig);
            start.ArgumentList.Add("--depsfile");
            start.ArgumentList.Add(host.Deps);
        }

        start.ArgumentList.Add(Executable);
        foreach (var arg in env.DaemonArguments().Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env.AwsEnvironment)
        {
            start.Environment[key] = value;
        }

        return new ProcessFaultDaemon(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    private static (string Deps, string RuntimeConfig)? HostFiles()
    {
        var deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (deps is null || !deps.EndsWith(".deps.json", StringComparison.Ordinal))
        {
            return null;
        }

        var runtimeConfig = deps[..^".deps.json".Length] + ".runtimeconfig.json";
        return File.Exists(deps) && File.Exists(runtimeConfig) ? (deps, runtimeConfig) : null;
    }

    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
