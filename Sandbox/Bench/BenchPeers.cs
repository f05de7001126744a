using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>Starts the two peers against the Sandbox: the published daemon (with systemd's NOTIFY_SOCKET) and the Bolt app.</summary>
internal sealed class BenchPeers(SandboxEnvironment env, string daemonDll, string configPath, IReadOnlyDictionary<string, string> extraEnvironment, TimeProvider time)
{
    /// <summary>Where the daemon's startup hook writes its GC figures (see <see cref="StartupHook"/>).</summary>
    public string GcStatsPath { get; } = Path.Combine(env.WorkDirectory, "gcstats.txt");

    /// <summary>Starts the daemon and waits for READY=1; returns it and how long that took.</summary>
    /// <param name="pacing">Slack:Pacing:Enabled, the production default; off where the Sandbox enforces no limits and throughput is measured.</param>
    public async Task<(PeerProcess Daemon, TimeSpan ToReady)> StartDaemonAsync(bool withGcStats, bool pacing = false)
    {
        using var notify = new NotifyListener(Path.Combine(env.WorkDirectory, "notify.sock"), time);
        var environment = new Dictionary<string, string>(env.AwsEnvironment, StringComparer.Ordinal) { ["NOTIFY_SOCKET"] = notify.Path };
        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }
        if (withGcStats)
        {
            environment["DOTNET_STARTUP_HOOKS"] = typeof(BenchPeers).Assembly.Location;
            environment["SOCKETDEPLOYER_BENCH_GCSTATS"] = GcStatsPath;
        }

        // A .dll runs on the shared runtime (dotnet socketdeployer.dll); anything else is a native (AOT) executable.
        var native = !daemonDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        string[] arguments = [.. env.DaemonArguments(configPath), $"--Slack:Pacing:Enabled={pacing}"];
        var daemon = native
            ? PeerProcess.Start("socketdeployer", daemonDll, arguments, environment, time)
            : PeerProcess.Start("socketdeployer", "dotnet", [daemonDll, .. arguments], environment, time);
        try
        {
            var ready = await notify.Ready.WaitAsync(TimeSpan.FromSeconds(30), time);
            return (daemon, time.GetElapsedTime(daemon.StartedAt, ready));
        }
        catch (Exception e) when (e is TimeoutException or TaskCanceledException)
        {
            var tail = daemon.Tail;
            await daemon.DisposeAsync();
            throw new InvalidOperationException($"The daemon sent no READY=1 within 30 s:\n{tail}", e);
        }
    }

    /// <summary>Starts the Bolt app and waits until its Socket Mode connection is open; returns it, its connections and how long that took.</summary>
    public Task<(PeerProcess Bolt, IReadOnlyList<int> Connections, TimeSpan ToConnected)> StartBoltAsync(string folder) =>
        StartPeerAsync("bolt", "node", ["app.js"], folder);

    /// <summary>Starts <see cref="BaselineAcker"/> (this assembly, <c>bench --acker</c>) as its own process.</summary>
    public Task<(PeerProcess Acker, IReadOnlyList<int> Connections, TimeSpan ToConnected)> StartAckerAsync() =>
        StartPeerAsync("acker", "dotnet", [typeof(BenchPeers).Assembly.Location, "bench", "--acker", env.Slack.ApiBaseUrl.ToString()], null);

    private async Task<(PeerProcess Peer, IReadOnlyList<int> Connections, TimeSpan ToConnected)> StartPeerAsync(
        string name, string fileName, IReadOnlyList<string> arguments, string? folder)
    {
        var before = env.Slack.OpenConnectionIndexes;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SLACK_API_URL"] = env.Slack.ApiBaseUrl.ToString(),
            ["SLACK_APP_TOKEN"] = env.Slack.AppToken,
            ["SLACK_BOT_TOKEN"] = env.Slack.BotToken,
        };
        var peer = PeerProcess.Start(name, fileName, arguments, environment, time, folder);
        try
        {
            await env.Slack.WaitForConnectionsAsync(before.Count + 1, TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            var tail = peer.Tail;
            await peer.DisposeAsync();
            throw new InvalidOperationException($"{name} opened no Socket Mode connection within 30 s:\n{tail}", e);
        }

        var connected = time.GetTimestamp();
        return (peer, [.. env.Slack.OpenConnectionIndexes.Except(before)], time.GetElapsedTime(peer.StartedAt, connected));
    }
}
