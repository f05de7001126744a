using System.Diagnostics;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>Finds the checkout, publishes the daemon (or reuses an up-to-date publish) and installs the Bolt peer.</summary>
internal static class Toolchain
{
    /// <summary>The folder holding SocketDeployer.sln, walking up from the Sandbox's output.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocketDeployer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("bench runs from a checkout: no SocketDeployer.sln above " + AppContext.BaseDirectory);
    }

    /// <summary><c>dotnet publish Daemon -c Release</c> into a temp folder unless the publish there is newer than every source.</summary>
    /// <returns>The published socketdeployer.dll.</returns>
    public static async Task<string> PublishDaemonAsync(string root, TextWriter output)
    {
        var folder = Path.Combine(Path.GetTempPath(), "socketdeployer-bench", "daemon");
        var dll = Path.Combine(folder, "socketdeployer.dll");
        var sources = new[] { "Core", "Daemon" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "appsettings.json" }.Select(f => Path.Combine(root, f)));
        var newest = sources.Max(File.GetLastWriteTimeUtc);
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) > newest)
        {
            output.WriteLine($"Reusing the published daemon in {folder} (newer than every source).");
            return dll;
        }

        output.WriteLine($"Publishing the daemon: dotnet publish Daemon -c Release -o {folder}");
        var code = await RunAsync("dotnet", ["publish", Path.Combine(root, "Daemon"), "-c", "Release", "-o", folder, "--nologo", "-v", "quiet"], root, output);
        if (code != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet publish failed (exit {code}).");
        }

        // The build copies outputs with their compile times; touch the entry point so "newer than the sources" holds.
        File.SetLastWriteTimeUtc(dll, File.GetLastWriteTimeUtc(dll) > newest ? File.GetLastWriteTimeUtc(dll) : newest.AddSeconds(1));
        return dll;
    }

    /// <summary>The Bolt peer's folder with its node_modules installed; null (and says why) when node or npm is unavailable.</summary>
    public static async Task<string?> InstallBoltAsync(string root, TextWriter output)
    {
        var folder = Path.Combine(root, "Sandbox", "BoltPeer");
        if (!OnPath("node"))
        {
            output.WriteLine("node is not installed: the Bolt peer is skipped (install Node.js 18+ and npm to compare).");
            return null;
        }

        if (Directory.Exists(Path.Combine(folder, "node_modules", "@slack", "bolt")))
        {
            return folder;
        }

        if (!OnPath("npm"))
        {
            output.WriteLine("npm is not installed: the Bolt peer (Sandbox/BoltPeer) cannot be installed and is skipped.");
            return null;
        }

        output.WriteLine($"Installing the Bolt peer: npm ci in {folder}");
        var code = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder, output);
        if (code != 0)
        {
            output.WriteLine($"npm ci failed (exit {code}): the Bolt peer is skipped.");
            return null;
        }

        return folder;
    }

    private static bool OnPath(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));

    private static async Task<int> RunAsync(string fileName, IEnumerable<string> arguments, string directory, TextWriter output)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            output.WriteLine(await stdout);
            output.WriteLine(await stderr);
        }

        return process.ExitCode;
    }
}
