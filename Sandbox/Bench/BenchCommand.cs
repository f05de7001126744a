using System.Runtime.InteropServices;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// <c>dotnet run -c Release --project Sandbox -- bench</c>: the published daemon as its own process against the Sandbox's
/// loopback servers, with a minimal Bolt for JavaScript app beside it under the same envelope load; prints one table.
/// It reports; it never fails on a missed goal. Everything it talks to is on 127.0.0.1.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = Console.Out;
        if (args is ["--acker", var apiUrl])
        {
            return await BaselineAcker.RunAsync(new Uri(apiUrl), System.Environment.GetEnvironmentVariable("SLACK_APP_TOKEN") ?? "");
        }

        if (BenchSettings.Parse(args, Console.Error) is not { } settings)
        {
            return 1;
        }

        var time = TimeProvider.System;
        var root = Toolchain.RepoRoot();
        var daemonDll = settings.DaemonDll ?? await Toolchain.PublishDaemonAsync(root, output);
        var boltFolder = settings.Bolt ? await Toolchain.InstallBoltAsync(root, output) : null;

        await using var env = await SandboxEnvironment.StartAsync(documents: BenchCatalog.RegisterDocuments);
        BenchCatalog.AddChannels(env.Slack);
        env.Aws.RunAutomations(env.QueueUrl);
        var config = BenchCatalog.WriteConfig(env.WorkDirectory);
        var peers = new BenchPeers(env, daemonDll, config, settings.DaemonEnvironment, time);
        var report = new BenchReport();
        var phases = new BenchPhases(env, peers, settings, report, time, output);

        output.WriteLine($"Slack workspace {env.Slack.ApiBaseUrl} · AWS (SSM, SQS) {env.Aws.ServiceUrl} · daemon {daemonDll}");
        var started = time.GetTimestamp();
        var aot = new AotComparison();
        if (AotBinary(settings, root, output) is { } binary)
        {
            var aotPeers = new BenchPeers(env, binary, config, AotPhases.WithHeapReleaseLog(settings.DaemonEnvironment), time);
            await new AotPhases(env, aotPeers, peers, settings, aot, time, output).RunAsync(boltFolder);
        }

        if (!settings.AotOnly)
        {
            await phases.RunAsync(boltFolder);
        }

        var took = time.GetElapsedTime(started);

        var markdown = Describe(took, boltFolder is not null) + "\n\n" + (aot.IsEmpty ? "" : aot.ToMarkdown() + "\n") + report.ToMarkdown();
        output.WriteLine();
        output.WriteLine(markdown);
        foreach (var missed in aot.Missed.Concat(report.Missed))
        {
            output.WriteLine($"missed: {missed}");
        }

        if (settings.Output is { } path)
        {
            await File.WriteAllTextAsync(path, markdown);
            output.WriteLine($"Written to {path}.");
        }

        return 0;
    }

    // The Native AOT publish (Daemon/Properties/PublishProfiles/aot.pubxml writes it to publish/socketdeployer).
    private static string? AotBinary(BenchSettings settings, string root, TextWriter output)
    {
        var path = settings.AotBinary ?? Path.Combine(root, "publish", "socketdeployer", "socketdeployer");
        if (File.Exists(path))
        {
            output.WriteLine($"Native AOT daemon: {path} (built {File.GetLastWriteTimeUtc(path):u})");
            return path;
        }

        output.WriteLine(settings.AotBinary is null
            ? "No Native AOT daemon at publish/socketdeployer: `dotnet publish Daemon -p:PublishProfile=aot` to compare it."
            : $"No Native AOT daemon at {path}.");
        return settings.AotOnly ? throw new InvalidOperationException("--aot-only needs the AOT binary.") : null;
    }

    private static string Describe(TimeSpan took, bool bolt)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var node = bolt ? $", Bolt for JavaScript {BoltVersion()} on node" : ", Bolt skipped";
        return $"Machine: {System.Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}{node}; " +
            $"bench took {took.TotalSeconds:0} s.";
    }

    private static string BoltVersion()
    {
        var lockFile = Path.Combine(Toolchain.RepoRoot(), "Sandbox", "BoltPeer", "node_modules", "@slack", "bolt", "package.json");
        return File.Exists(lockFile) ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(lockFile))?["version"]?.ToString() ?? "" : "";
    }
}
