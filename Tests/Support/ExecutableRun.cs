using System.Diagnostics;

namespace SocketDeployer.Tests.Support;

/// <summary>One of the project's built executables run to its exit as its own process: exit code, stdout, stderr.</summary>
public static class ExecutableRun
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <param name="environment">Set for the child; a null value removes the variable (a token the test machine may hold).</param>
    public static async Task<(int Code, string Out, string Err)> RunAsync(
        string dll, IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string?>>? environment = null, TimeSpan? timeout = null)
    {
        // A .dll runs on the shared runtime; anything else (the Native AOT publish) is executed itself.
        var managed = dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(managed ? "dotnet" : dll) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (managed)
        {
            start.ArgumentList.Add(dll);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout ?? DefaultTimeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
