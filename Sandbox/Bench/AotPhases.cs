using System.Globalization;
using SocketDeployer.Daemon.Hosting;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// The Native AOT daemon beside the JIT one and Bolt, in one Sandbox: start → READY, idle memory and CPU with all
/// three running, envelope → ack against the bare acker floor, and memory per tracked execution (issue 15's goals).
/// </summary>
internal sealed class AotPhases(
    SandboxEnvironment env, BenchPeers aot, BenchPeers jit, BenchSettings settings, AotComparison table, TimeProvider time, TextWriter output)
{
    private const long IdleRssGoal = 20L * 1024 * 1024;
    private const double ReadyGoalMs = 150;
    private const double FloorFactor = 1.2;
    private const double GrowthGoalBytes = 1024;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public async Task RunAsync(string? boltFolder)
    {
        // One start not measured first: the Sandbox's own handlers are JIT-compiled on the first connection and the
        // first receive it serves (without it, the first of three AOT starts took 165 ms against 61–67 ms for the
        // other two), and that is the bench's cost, not the daemon's.
        Say("warm-up: one start of the JIT daemon, not measured");
        await ColdStartsAsync(jit, "warm-up", 1);
        var aotReady = await ColdStartsAsync(aot, "AOT");
        var jitReady = await ColdStartsAsync(jit, "JIT");
        table.Add($"start → READY=1 (p50 / max of {aotReady.Count})", ReadyText(aotReady), ReadyText(jitReady), "",
            $"≤ {ReadyGoalMs:0} ms", aotReady.Max <= ReadyGoalMs);

        Say("starting the AOT daemon, the JIT daemon, the bare acker and Bolt side by side");
        var (aotDaemon, aotConnections) = await StartAsync(aot);
        await using var aotLifetime = aotDaemon;
        var (jitDaemon, jitConnections) = await StartAsync(jit);
        await using var jitLifetime = jitDaemon;
        var (acker, floor, _) = await jit.StartAckerAsync();
        await using var ackerLifetime = acker;
        PeerProcess? bolt = null;
        if (boltFolder is not null)
        {
            (bolt, _, _) = await jit.StartBoltAsync(boltFolder);
        }

        try
        {
            await IdleAsync(aotDaemon, jitDaemon, bolt);
            await AcksAsync(aotConnections, jitConnections, floor);
        }
        finally
        {
            await acker.StopAsync(TimeSpan.FromSeconds(5));
            if (bolt is not null)
            {
                await bolt.StopAsync(TimeSpan.FromSeconds(10));
                await bolt.DisposeAsync();
            }
        }

        // Both daemons read one queue: the JIT one stops so that every event reaches the AOT one.
        await jitDaemon.StopAsync(TimeSpan.FromSeconds(20));
        await env.Slack.WaitForConnectionsAsync(2, Wait);
        await TrackedAsync(aotDaemon);
        await aotDaemon.StopAsync(TimeSpan.FromSeconds(20));
        await env.Slack.WaitForConnectionsAsync(0, Wait);
    }

    private async Task<Latencies> ColdStartsAsync(BenchPeers peers, string kind, int? starts = null)
    {
        var readies = new List<double>();
        var count = starts ?? settings.ReadyStarts;
        for (var i = 0; i < count; i++)
        {
            var (daemon, toReady) = await peers.StartDaemonAsync(withGcStats: false);
            readies.Add(toReady.TotalMilliseconds);
            Say(string.Create(CultureInfo.InvariantCulture, $"{kind}: start → READY=1, cold start {i + 1} of {count}: {toReady.TotalMilliseconds:0} ms"));
            await daemon.StopAsync(TimeSpan.FromSeconds(15));
            await daemon.DisposeAsync();
            await env.Slack.WaitForConnectionsAsync(0, TimeSpan.FromSeconds(15));
        }

        return new Latencies(readies);
    }

    private async Task<(PeerProcess Daemon, IReadOnlyList<int> Connections)> StartAsync(BenchPeers peers)
    {
        var before = env.Slack.OpenConnectionIndexes;
        var (daemon, _) = await peers.StartDaemonAsync(withGcStats: false);
        await env.Slack.WaitForConnectionsAsync(before.Count + 2, Wait);
        return (daemon, [.. env.Slack.OpenConnectionIndexes.Except(before)]);
    }

    private async Task IdleAsync(PeerProcess aotDaemon, PeerProcess jitDaemon, PeerProcess? bolt)
    {
        Say($"idle for {settings.Idle.TotalSeconds:0} s, all three");
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        var (a0, j0, b0) = (aotDaemon.Stat(), jitDaemon.Stat(), bolt?.Stat());
        await Task.Delay(settings.Idle, time);
        var (a1, j1, b1) = (aotDaemon.Stat(), jitDaemon.Stat(), bolt?.Stat());
        table.Add("idle RSS", BenchReport.Rss(a1), BenchReport.Rss(j1), b1 is { } rss ? BenchReport.Rss(rss) : "",
            "≤ 20 MB", a1.RssBytes <= IdleRssGoal);
        var boltCpu = b0 is { } s0 && b1 is { } s1 ? s1.CpuTime - s0.CpuTime : (TimeSpan?)null;
        var aotCpu = a1.CpuTime - a0.CpuTime;
        table.Add($"idle CPU over {settings.Idle.TotalSeconds:0} s", CpuShare(aotCpu), CpuShare(j1.CpuTime - j0.CpuTime),
            boltCpu is { } b ? CpuShare(b) : "", "≤ Bolt's", boltCpu is { } limit ? aotCpu <= limit : null);
    }

    private async Task AcksAsync(IReadOnlyList<int> aotConnections, IReadOnlyList<int> jitConnections, IReadOnlyList<int> floor)
    {
        Say("warm-up: 1 s at 50/s to each, not measured");
        foreach (var connections in new[] { aotConnections, jitConnections, floor })
        {
            await AckLoad.RunAsync(env.Slack, connections, 50, TimeSpan.FromSeconds(1), time);
        }

        foreach (var rate in settings.Rates)
        {
            Say($"envelopes at {rate}/s for {settings.LoadDuration.TotalSeconds:0} s: AOT, JIT, the bare acker");
            var mine = await AckLoad.RunAsync(env.Slack, aotConnections, rate, settings.LoadDuration, time);
            var theirs = await AckLoad.RunAsync(env.Slack, jitConnections, rate, settings.LoadDuration, time);
            var bare = await AckLoad.RunAsync(env.Slack, floor, rate, settings.LoadDuration, time);
            var limit = bare.P99 * FloorFactor;
            table.Add($"envelope → ack at {rate}/s (p50 / p99 / max)", mine.ToString(), theirs.ToString(), $"floor (bare acker): {bare}",
                string.Create(CultureInfo.InvariantCulture, $"p99 ≤ 1.2× floor ({Latencies.Ms(limit)})"), mine.P99 <= limit && mine.Missing == 0);
        }
    }

    /// <summary>The AOT daemon logs each heap release at Debug with the live heap after it: with no startup hook under
    /// Native AOT, that line is how the bench sees the heap from outside.</summary>
    public static IReadOnlyDictionary<string, string> WithHeapReleaseLog(IReadOnlyDictionary<string, string> environment) =>
        new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["Logging__LogLevel__SocketDeployer.Daemon.Hosting.HeapRelease"] = "Debug",
            ["Logging__Console__LogLevel__SocketDeployer.Daemon.Hosting.HeapRelease"] = "Debug",
        };

    private async Task TrackedAsync(PeerProcess daemon)
    {
        var load = new QueueLoad(env, time);
        var count = settings.TrackedExecutions;
        // Both figures once quiet: the daemon gives a busy spell's heap back once an interval has passed quiet after it,
        // so RSS then is what stays, not what the last phase left for the GC.
        var quiet = 2 * HeapRelease.Interval + TimeSpan.FromSeconds(3);
        Say($"AOT: quiet for {quiet.TotalSeconds:0} s before {count} executions are tracked (one event each)");
        await Poll.QuietAsync(() => env.Slack.Calls.Count, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), time);
        await Task.Delay(quiet, time);
        var rss0 = daemon.Stat().RssBytes;
        var live0 = LiveHeap(daemon);
        var sent = await load.SendAsync(load.CreateExecutions(count), count, perSecond: 0);
        var seen = await load.WaitForCallsAsync(sent, TimeSpan.FromSeconds(180));
        await Poll.QuietAsync(() => env.Slack.Calls.Count, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), time);
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        var busy = daemon.Stat().RssBytes;
        Say($"AOT: quiet for {quiet.TotalSeconds:0} s after the spell");
        await Task.Delay(quiet, time);
        var rss1 = daemon.Stat().RssBytes;
        var live1 = LiveHeap(daemon);
        var growth = (rss1 - rss0) / (double)count;
        var heap = live0 is { } l0 && live1 is { } l1 && live1 != live0
            ? string.Create(CultureInfo.InvariantCulture, $"; live heap {l0 / 1024.0:0.0} → {l1 / 1024.0:0.0} MB, {(l1 - l0) / (double)count:0.00} KB per execution")
            : "; live heap: no release logged after the spell";
        table.Add($"RSS growth with {count:N0} executions tracked",
            string.Create(CultureInfo.InvariantCulture, $"{BenchReport.Mb(rss0)} → {BenchReport.Mb(busy)} just after, {BenchReport.Mb(rss1)} once quiet: {growth / 1024:0.00} KB per execution{heap} ({seen.Count} of {count} handled)"),
            "main table below", "", "≤ 1 KB per execution", growth <= GrowthGoalBytes && seen.Count == count);
    }

    // "Heap released after …: N KB committed before, M KB after (L KB live)": the last release's L, in KB.
    private static long? LiveHeap(PeerProcess daemon)
    {
        if (daemon.LinesContaining(" KB live)").LastOrDefault() is not { } line)
        {
            return null;
        }

        var open = line.LastIndexOf('(');
        var end = line.IndexOf(" KB live", open + 1, StringComparison.Ordinal);
        return open >= 0 && long.TryParse(line.AsSpan(open + 1, end - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
    }

    private static string ReadyText(Latencies ready) => $"{Latencies.Ms(ready.P50)} / {Latencies.Ms(ready.Max)}";

    private string CpuShare(TimeSpan cpu) =>
        string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMilliseconds:0} ms ({cpu / settings.Idle * 100:0.00} % of a core)");

    private void Say(string what) => output.WriteLine($"[bench] {what}");
}
