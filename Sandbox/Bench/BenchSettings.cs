using System.Globalization;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>The benchmark's knobs; the defaults are the published figures' settings (about five minutes on 2 cores).</summary>
internal sealed record BenchSettings
{
    public int[] Rates { get; init; } = [50, 200, 1000];
    public TimeSpan LoadDuration { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(60);
    public int Mentions { get; init; } = 20;
    public int Releases { get; init; } = 10;
    public int ReadyStarts { get; init; } = 3;
    public int EventRate { get; init; } = 200;
    public int LatencyEvents { get; init; } = 600;
    public int BacklogEvents { get; init; } = 3000;
    public int TrackedExecutions { get; init; } = 10_000;
    public int ConcurrentReleases { get; init; } = BenchCatalog.ConcurrentServices;
    public bool Bolt { get; init; } = true;
    public string? Output { get; init; }

    /// <summary>A daemon already published elsewhere (e.g. with other publish options), instead of publishing one.</summary>
    public string? DaemonDll { get; init; }

    /// <summary>The Native AOT daemon to compare with the JIT one and Bolt; publish/socketdeployer/socketdeployer when it exists.</summary>
    public string? AotBinary { get; init; }

    /// <summary>Only the Native AOT comparison (no JIT-only phases).</summary>
    public bool AotOnly { get; init; }

    /// <summary>Stop after start-up and the idle phase (for trying runtime settings on the daemon).</summary>
    public bool IdleOnly { get; init; }

    /// <summary>Only the phases against a Slack that enforces its limits (20 releases at once, the flood).</summary>
    public bool PacedOnly { get; init; }

    /// <summary>Extra environment for the daemon's process, e.g. DOTNET_GCgen0size=0x400000 (experiments; the published figures use none).</summary>
    public IReadOnlyDictionary<string, string> DaemonEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public const string Usage = "dotnet run -c Release --project Sandbox -- bench [--quick] [--no-bolt] [--idle SECONDS] [--load SECONDS] [--out FILE.md] [--idle-only] [--paced-only] [--daemon-env NAME=VALUE]… [--daemon-dll PATH] [--aot PATH] [--aot-only]";

    /// <summary>Null (after printing why) when the arguments are not understood.</summary>
    public static BenchSettings? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    settings = settings with
                    {
                        LoadDuration = TimeSpan.FromSeconds(2), Idle = TimeSpan.FromSeconds(5), Mentions = 5, Releases = 3, ReadyStarts = 1,
                        LatencyEvents = 200, BacklogEvents = 1000, TrackedExecutions = 2000,
                    };
                    break;
                case "--no-bolt":
                    settings = settings with { Bolt = false };
                    break;
                case "--idle" when i + 1 < args.Count:
                    settings = settings with { Idle = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) };
                    break;
                case "--load" when i + 1 < args.Count:
                    settings = settings with { LoadDuration = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture)) };
                    break;
                case "--daemon-dll" when i + 1 < args.Count:
                    settings = settings with { DaemonDll = Path.GetFullPath(args[++i]) };
                    break;
                case "--aot" when i + 1 < args.Count:
                    settings = settings with { AotBinary = Path.GetFullPath(args[++i]) };
                    break;
                case "--aot-only":
                    settings = settings with { AotOnly = true };
                    break;
                case "--idle-only":
                    settings = settings with { IdleOnly = true };
                    break;
                case "--paced-only":
                    settings = settings with { PacedOnly = true };
                    break;
                case "--daemon-env" when i + 1 < args.Count && args[i + 1].Contains('=', StringComparison.Ordinal):
                    var pair = args[++i].Split('=', 2);
                    settings = settings with { DaemonEnvironment = new Dictionary<string, string>(settings.DaemonEnvironment, StringComparer.Ordinal) { [pair[0]] = pair[1] } };
                    break;
                case "--out" when i + 1 < args.Count:
                    settings = settings with { Output = args[++i] };
                    break;
                default:
                    error.WriteLine($"Unknown bench argument '{args[i]}'. Usage: {Usage}");
                    return null;
            }
        }

        return settings;
    }
}
