using System.Diagnostics;

namespace SocketDeployer.Tests.Ops;

/// <summary>Runs a command-line checker (systemd-analyze, cfn-lint) if the machine has it; the test is ignored otherwise.</summary>
internal static class ExternalTool
{
    public static (int ExitCode, string Output) Run(string tool, string installHint, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            Assert.Ignore($"{tool} is not installed ({installHint}); the CI script installs it");
        }

        var start = new ProcessStartInfo(executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
