using System.Globalization;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>Queue event → Slack call: latency at a steady rate, the rate a backlog drains at, allocations, and memory per tracked execution.</summary>
internal sealed class QueuePhases(
    SandboxEnvironment env, PeerProcess daemon, string gcStatsPath, BenchSettings settings, BenchReport report, TimeProvider time, TextWriter output)
{
    private const int EventGoalPerSecond = 1000;
    private const double GrowthGoalBytes = 2048;
    private const int Executions = 100;

    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    private readonly QueueLoad _load = new(env, time);

    public async Task RunAsync()
    {
        var executions = _load.CreateExecutions(Executions);
        Say($"queue: first event of {Executions} executions (tags read, state built; not measured)");
        await _load.WaitForCallsAsync(await _load.SendAsync(executions, Executions, perSecond: 0), TimeSpan.FromSeconds(60));

        Say($"queue: {settings.LatencyEvents} step events at {settings.EventRate}/s");
        var paced = await _load.SendAsync(executions, settings.LatencyEvents, settings.EventRate);
        var latency = QueueLoad.LatenciesOf(paced, await _load.WaitForCallsAsync(paced, TimeSpan.FromSeconds(60)));
        report.Add($"queue event → Slack call at {settings.EventRate}/s (p50 / p99 / max)", latency.ToString());

        Say($"queue: a backlog of {settings.BacklogEvents} step events at once");
        await Task.Delay(Settle, time);
        var (gc0, cpu0, aws0) = (GcStats.ReadLast(gcStatsPath), daemon.Stat().CpuTime, env.Aws.Calls.Count);
        var slack0 = env.Slack.Calls.Count;
        var backlog = await _load.SendAsync(executions, settings.BacklogEvents, perSecond: 0);
        var seen = await _load.WaitForCallsAsync(backlog, TimeSpan.FromSeconds(120));
        var cpu = daemon.Stat().CpuTime - cpu0;
        var awsCalls = env.Aws.Calls.Skip(aws0).GroupBy(c => c.Operation).OrderByDescending(g => g.Count())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count() / (double)Math.Max(seen.Count, 1):0.###}"));
        await Task.Delay(Settle, time);
        var gc1 = GcStats.ReadLast(gcStatsPath);

        var drained = seen.Count == 0 ? TimeSpan.Zero : seen.Values.Max() - backlog.Values.Min();
        var perSecond = seen.Count / Math.Max(drained.TotalSeconds, 0.001);
        report.Add("sustained queue events/s, end to end (backlog drain)",
            string.Create(CultureInfo.InvariantCulture, $"{perSecond:0} /s ({seen.Count} of {backlog.Count} in {drained.TotalSeconds:0.00} s; daemon CPU {cpu.TotalMilliseconds / Math.Max(seen.Count, 1):0.00} ms/event)"),
            goal: $"≥ {EventGoalPerSecond} /s on {System.Environment.ProcessorCount} cores", met: perSecond >= EventGoalPerSecond && seen.Count == backlog.Count);
        var slackCalls = env.Slack.Calls.Skip(slack0).GroupBy(c => c.Method).OrderByDescending(g => g.Count())
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count() / (double)Math.Max(seen.Count, 1):0.###}"));
        report.Add("… calls per event in the backlog", "AWS: " + string.Join(", ", awsCalls) + "; Slack: " + string.Join(", ", slackCalls));
        if (gc0 is { } before && gc1 is { } after)
        {
            report.Add("allocated bytes per handled event (GC.GetTotalAllocatedBytes in the daemon)",
                string.Create(CultureInfo.InvariantCulture, $"{(after.AllocatedBytes - before.AllocatedBytes) / (double)Math.Max(seen.Count, 1) / 1024:0.0} KB (gen0/1/2 GCs: {after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2})"));
        }
    }

    public async Task TrackedAsync()
    {
        var count = settings.TrackedExecutions;
        Say($"queue: {count} more executions tracked (one event each)");
        await Poll.QuietAsync(() => env.Slack.Calls.Count, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), time);
        await Task.Delay(Settle, time);
        var (rss0, gc0) = (daemon.Stat().RssBytes, GcStats.ReadLast(gcStatsPath));
        var executions = _load.CreateExecutions(count);
        var sent = await _load.SendAsync(executions, count, perSecond: 0);
        var seen = await _load.WaitForCallsAsync(sent, TimeSpan.FromSeconds(180));
        await Poll.QuietAsync(() => env.Slack.Calls.Count, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), time);
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        var (rss1, gc1) = (daemon.Stat().RssBytes, GcStats.ReadLast(gcStatsPath));
        var growth = (rss1 - rss0) / (double)count;
        var heap = gc0 is { } h0 && gc1 is { } h1 ? string.Create(CultureInfo.InvariantCulture, $"; GC heap {BenchReport.Mb(h0.HeapBytes)} → {BenchReport.Mb(h1.HeapBytes)}") : "";
        report.Add($"RSS with {count:N0} more executions tracked",
            string.Create(CultureInfo.InvariantCulture, $"{BenchReport.Mb(rss0)} → {BenchReport.Mb(rss1)}: {growth / 1024:0.00} KB per execution{heap} ({seen.Count} of {count} handled)"),
            goal: "≤ 2 KB per execution", met: growth <= GrowthGoalBytes && seen.Count == count);
        report.Add("… per execution, the daemon's own types measured in the bench process", StateFootprint.Measure(count));
    }

    private void Say(string what) => output.WriteLine($"[bench] {what}");
}
