using System.Globalization;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>The benchmark's phases in order, each adding its rows to the report.</summary>
internal sealed class BenchPhases(SandboxEnvironment env, BenchPeers peers, BenchSettings settings, BenchReport report, TimeProvider time, TextWriter output)
{
    private const long IdleRssGoal = 50L * 1024 * 1024;
    private const double AckP99GoalMs = 2;
    private const int StepsPerAppRelease = 4;
    private const int FloodSize = 30;
    private static readonly TimeSpan StartReplyGoal = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConcurrentGoal = TimeSpan.FromSeconds(40);

    /// <summary>A clean release posts its start reply, the approval prompt (when its document has one) and the result.</summary>
    private const double PostsPerCleanRelease = 3;

    public async Task RunAsync(string? boltFolder)
    {
        if (settings.PacedOnly)
        {
            await PacedAsync();
            return;
        }

        var readies = new List<double>();
        for (var i = 0; i < settings.ReadyStarts; i++)
        {
            Say($"start → READY=1, cold start {i + 1} of {settings.ReadyStarts}");
            var (cold, toReady) = await peers.StartDaemonAsync(withGcStats: false);
            readies.Add(toReady.TotalMilliseconds);
            await cold.StopAsync(TimeSpan.FromSeconds(15));
            await cold.DisposeAsync();
            await env.Slack.WaitForConnectionsAsync(0, TimeSpan.FromSeconds(15));
        }

        Say("starting the daemon for the measured run");
        var (daemon, lastReady) = await peers.StartDaemonAsync(withGcStats: true);
        await using var daemonLifetime = daemon;
        readies.Add(lastReady.TotalMilliseconds);
        await env.Slack.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(30));
        IReadOnlyList<int> ours = env.Slack.OpenConnectionIndexes;

        Say("starting the measuring floor: a bare C# acker process");
        var (acker, ackerConnections, _) = await peers.StartAckerAsync();
        await using var ackerLifetime = acker;
        PeerProcess? bolt = null;
        IReadOnlyList<int> boltConnections = [];
        var boltConnected = "";
        if (boltFolder is not null)
        {
            Say("starting the Bolt peer");
            (bolt, boltConnections, var toConnected) = await peers.StartBoltAsync(boltFolder);
            boltConnected = $"{Latencies.Ms(toConnected.TotalMilliseconds)} (to Socket Mode open; Bolt has no READY)";
        }

        try
        {
            var ready = new Latencies(readies);
            report.Add("process start → READY=1 (p50 / max of " + readies.Count + ")", $"{Latencies.Ms(ready.P50)} / {Latencies.Ms(ready.Max)}", boltConnected, "", "≤ 1 s", ready.Max <= 1000);
            await IdleAsync(daemon, bolt);
            if (settings.IdleOnly)
            {
                return;
            }

            await AckLoadAsync(ours, boltConnections, ackerConnections);
            await MentionsAsync(ours, boltConnections);
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

        if (settings.IdleOnly)
        {
            await daemon.StopAsync(TimeSpan.FromSeconds(20));
            return;
        }

        await env.Slack.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(15));
        await ReleasesAsync();
        var queue = new QueuePhases(env, daemon, peers.GcStatsPath, settings, report, time, output);
        await queue.RunAsync();
        await queue.TrackedAsync();
        Say("stopping the daemon (SIGTERM)");
        await daemon.StopAsync(TimeSpan.FromSeconds(20));

        await env.Slack.WaitForConnectionsAsync(0, TimeSpan.FromSeconds(15));
        await PacedAsync();
    }

    /// <summary>Against a Slack that enforces its limits the daemon runs as shipped: Slack:Pacing on.</summary>
    private async Task PacedAsync()
    {
        Say("starting the daemon with Slack:Pacing on (the shipped default)");
        var (paced, _) = await peers.StartDaemonAsync(withGcStats: false, pacing: true);
        await using var pacedLifetime = paced;
        await env.Slack.WaitForConnectionsAsync(2, TimeSpan.FromSeconds(30));
        await ConcurrentAsync();
        await FloodAsync();
        await paced.StopAsync(TimeSpan.FromSeconds(20));
    }

    private async Task FloodAsync()
    {
        Say($"{FloodSize} mistyped commands at once from one person, then a release from another, Slack's rate limits enforced");
        var run = await new FloodRun(env, time).RunAsync(FloodSize, BenchCatalog.Service(0));
        report.Add($"flood: {FloodSize} refusals, then a release: request → start reply", Latencies.Ms(run.ToStartReply.TotalMilliseconds),
            goal: $"≤ {StartReplyGoal.TotalSeconds:0} s", met: run.ToStartReply <= StartReplyGoal);
        report.Add("… posts the flood cost (refusals + slow-down)", run.FloodPosts.ToString(CultureInfo.InvariantCulture), goal: "≤ 5", met: run.FloodPosts <= 5);
        report.Add("… release finished, 429s drawn", string.Create(CultureInfo.InvariantCulture, $"{(run.Finished ? "yes" : "no")}, {run.RateLimited}"),
            goal: "yes, 0", met: run.Finished && run.RateLimited == 0);
    }

    private async Task IdleAsync(PeerProcess daemon, PeerProcess? bolt)
    {
        Say($"idle for {settings.Idle.TotalSeconds:0} s");
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        var (d0, b0) = (daemon.Stat(), bolt?.Stat());
        await Task.Delay(settings.Idle, time);
        var (d1, b1) = (daemon.Stat(), bolt?.Stat());
        var boltRss = b1?.RssBytes ?? -1;
        report.Add("idle RSS", BenchReport.Rss(d1), b1 is { } bolt1 ? BenchReport.Rss(bolt1) : "", bolt is null ? "" : BenchReport.Ratio(d1.RssBytes, boltRss),
            "≤ 50 MB and below Bolt's", d1.RssBytes <= IdleRssGoal && (bolt is null || d1.RssBytes < boltRss));
        report.Add($"idle CPU over {settings.Idle.TotalSeconds:0} s", CpuShare(d1.CpuTime - d0.CpuTime), b0 is { } s0 && b1 is { } s1 ? CpuShare(s1.CpuTime - s0.CpuTime) : "");
    }

    private async Task AckLoadAsync(IReadOnlyList<int> ours, IReadOnlyList<int> bolt, IReadOnlyList<int> floor)
    {
        foreach (var rate in settings.Rates)
        {
            if (rate == settings.Rates[0])
            {
                // Both peers' first envelopes run code for the first time (JIT, V8); a second of traffic first, unmeasured.
                Say("warm-up: 1 s at 50/s to each peer, not measured");
                await AckLoad.RunAsync(env.Slack, ours, 50, TimeSpan.FromSeconds(1), time);
                if (bolt.Count > 0)
                {
                    await AckLoad.RunAsync(env.Slack, bolt, 50, TimeSpan.FromSeconds(1), time);
                }

                await AckLoad.RunAsync(env.Slack, floor, 50, TimeSpan.FromSeconds(1), time);
            }

            Say($"envelopes at {rate}/s for {settings.LoadDuration.TotalSeconds:0} s, SocketDeployer");
            var mine = await AckLoad.RunAsync(env.Slack, ours, rate, settings.LoadDuration, time);
            Latencies? theirs = null;
            if (bolt.Count > 0)
            {
                Say($"envelopes at {rate}/s for {settings.LoadDuration.TotalSeconds:0} s, Bolt");
                theirs = await AckLoad.RunAsync(env.Slack, bolt, rate, settings.LoadDuration, time);
            }

            var half = theirs is null || mine.P99 <= theirs.P99 / 2;
            var goal = rate == 200 ? "p99 ≤ 2 ms and ≤ ½ Bolt's" : "p99 ≤ ½ Bolt's";
            var met = (rate != 200 || mine.P99 <= AckP99GoalMs) && half && mine.Missing == 0;
            report.Add($"envelope → ack at {rate}/s (p50 / p99 / max)", mine.ToString(), theirs?.ToString() ?? "", theirs is null ? "" : BenchReport.Ratio(mine.P99, theirs.P99) + " (p99)", goal, met);
            Say($"envelopes at {rate}/s for {settings.LoadDuration.TotalSeconds:0} s, the bare acker");
            var bare = await AckLoad.RunAsync(env.Slack, floor, rate, settings.LoadDuration, time);
            report.Add($"… measuring floor at {rate}/s: a bare C# acker process", bare.ToString());
        }
    }

    private async Task MentionsAsync(IReadOnlyList<int> ours, IReadOnlyList<int> bolt)
    {
        Say($"{settings.Mentions} mentions → reply in thread, each peer");
        var mine = await MentionRuns.RunAsync(env.Slack, ours, settings.Mentions);
        var theirs = bolt.Count > 0 ? await MentionRuns.RunAsync(env.Slack, bolt, settings.Mentions) : null;
        report.Add("mention → reply in thread (daemon: help; Bolt: echo)", mine.ToString(), theirs?.ToString() ?? "", theirs is null ? "" : BenchReport.Ratio(mine.P50, theirs.P50) + " (p50)");
    }

    private async Task ReleasesAsync()
    {
        Say($"{settings.Releases} releases of app one after another (mention, start, prompt, Bob approves, result)");
        var runs = await new ReleaseRuns(env, time).RunSequentialAsync(settings.Releases);
        report.Add("mention → StartAutomationExecution", runs.ToStart.ToString());
        report.Add("mention → start reply", runs.ToStartReply.ToString());
        report.Add("approval click → SendAutomationSignal", runs.ClickToSignal.ToString());
        report.Add($"Slack calls per release (app: {StepsPerAppRelease} steps)", string.Create(CultureInfo.InvariantCulture, $"{runs.CallsPerRelease:0.#} ({runs.CallsByMethod})"),
            goal: $"≤ {StepsPerAppRelease + 4}", met: runs.CallsPerRelease <= StepsPerAppRelease + 4);
        report.Add("… posts per clean release (start reply, prompt, result)", string.Create(CultureInfo.InvariantCulture, $"{runs.PostsPerRelease:0.#}"),
            goal: $"≤ {PostsPerCleanRelease}", met: runs.PostsPerRelease <= PostsPerCleanRelease);
    }

    private async Task ConcurrentAsync()
    {
        var count = settings.ConcurrentReleases;
        Say($"{count} releases at once in one channel, Slack's rate limits enforced");
        var runs = await new ReleaseRuns(env, time).RunConcurrentAsync(count, TimeSpan.FromSeconds(150));
        var steps = BenchCatalog.ReleaseSteps.Count;
        report.Add($"{count} releases at once, one channel ({steps} steps each): finished, time",
            string.Create(CultureInfo.InvariantCulture, $"{runs.Finished} of {runs.Releases} in {runs.Took.TotalSeconds:0.0} s"),
            goal: $"all in ≤ {ConcurrentGoal.TotalSeconds:0} s", met: runs.Finished == runs.Releases && runs.Took <= ConcurrentGoal);
        report.Add($"… Slack calls per release (without 429s)", string.Create(CultureInfo.InvariantCulture, $"{runs.CallsPerRelease:0.#} ({runs.CallsByMethod})"),
            goal: $"≤ {steps + 4}", met: runs.CallsPerRelease <= steps + 4);
        report.Add("… posts per clean release", string.Create(CultureInfo.InvariantCulture, $"{runs.PostsPerRelease:0.#}"),
            goal: $"≤ {PostsPerCleanRelease}", met: runs.PostsPerRelease <= PostsPerCleanRelease);
        report.Add("… 429s drawn", runs.RateLimited.ToString(CultureInfo.InvariantCulture), goal: "0", met: runs.RateLimited == 0);
    }

    private string CpuShare(TimeSpan cpu) =>
        string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMilliseconds:0} ms ({cpu / settings.Idle * 100:0.00} % of a core)");

    private void Say(string what) => output.WriteLine($"[bench] {what}");
}
