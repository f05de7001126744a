using System.Collections.Concurrent;
using System.Diagnostics;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Tests.Support;

/// <summary>The daemon executable as its own process against a Sandbox, as systemd would run it.</summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private DaemonProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public string Output => string.Join('\n', output);

    public static DaemonProcess Start(SandboxEnvironment env, IDictionary<string, string>? environment = null, params string[] extraArguments) =>
        StartExecutable(RepoPaths.DaemonExecutable, env, environment, extraArguments);

    /// <summary>
    /// Starts <paramref name="executable"/>: a <c>.dll</c> on the shared runtime (<c>dotnet socketdeployer.dll</c>), anything
    /// else as a native executable (the Native AOT publish).
    /// </summary>
    public static DaemonProcess StartExecutable(string executable, SandboxEnvironment env, IDictionary<string, string>? environment = null, params string[] extraArguments) =>
        StartCommand(executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ["dotnet", executable] : [executable], env, environment, extraArguments);

    /// <summary>Starts <paramref name="command"/> (a program and its first arguments, e.g. a launcher and the daemon) with the Sandbox's arguments after it.</summary>
    public static DaemonProcess StartCommand(IReadOnlyList<string> command, SandboxEnvironment env, IDictionary<string, string>? environment = null, params string[] extraArguments)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in env.DaemonArguments().Concat(extraArguments))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env.AwsEnvironment.Concat(environment ?? new Dictionary<string, string>()))
        {
            start.Environment[key] = value;
        }

        return new DaemonProcess(Process.Start(start)!);
    }

    /// <summary>What systemd sends on <c>systemctl stop</c>.</summary>
    public async Task SigtermAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
