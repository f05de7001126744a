using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// One seeded schedule: 3 requests for one service on 2 instances. At every step the world picks, by weighted
/// seeded chance, one of: a pending call's effect, a ready continuation, a (re)delivery of a mention, an execution's
/// end, a delivery of its terminal event, a crash, or the clock moving on.
/// </summary>
/// <remarks>
/// Time: the clock moves by seconds while requests are being handled (at most <see cref="SmallBudget"/> per stretch,
/// for the protocol's own waits), and by more than <see cref="StaleLockCheck.StartGrace"/> only while no request is
/// being handled. That is the protocol's one timing assumption: a live acquirer gets from the lock to its recorded
/// execution within StartGrace. Without it any lease-based lock can be taken over from a live holder.
/// </remarks>
internal sealed partial class SimWorld
{
    public const int Requests = 3;
    private static readonly TimeSpan SmallBudget = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(100);
    internal static readonly ServiceCatalog Catalog = new(new DeployOptions
    {
        Channels = ["C0DEPLOY"],
        Services =
        {
            ["app"] = new ServiceOptions
            {
                Description = "the app", Document = "Deploy-App", DocumentVersion = "1", VersionPattern = @"^r-\d+\.\d+\.\d+$",
                Example = "r-1.0.0", Parameters = { ["Version"] = "{version}", ["By"] = "{user_name}" },
                Deployers = ["U0ALICE", "U0BOB", "U0CAROL"], Approvers = ["U0BOB"],
            },
        },
    });

    private readonly Random random;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SimScheduler scheduler;
    private readonly List<SimInstance> instances;
    private readonly List<SimQueueMessage> queue = [];
    private readonly List<(double Weight, Action Run)> choices = [];
    private int crashes;
    private int longWaits;
    private TimeSpan stretch;
    private bool probing;

    public SimWorld(int seed, bool traced = false)
    {
        Seed = seed;
        random = new Random(seed);
        Trace = new SimTrace(time) { Enabled = traced };
        Cloud = new SimCloud(time);
        scheduler = new SimScheduler(Trace);
        instances = [NewInstance('A', 1), NewInstance('B', 1)];
        string[] users = ["U0ALICE", "U0CAROL", "U0BOB"];
        RequestList = [.. Enumerable.Range(1, Requests).Select(i => new SimRequest(i, users[i - 1], 1 + random.Next(3)))];
        crashes = random.Next(3);
        longWaits = random.Next(3);
        Cloud.FailStarts = random.Next(8) == 0 ? 1 : 0;
        Trace.Add($"seed {seed}: redeliveries {string.Join(",", RequestList.Select(r => r.Copies - 1))}, crashes ≤{crashes}, long waits ≤{longWaits}, failed starts {Cloud.FailStarts}");
    }

    public int Seed { get; }

    public SimTrace Trace { get; }

    public SimCloud Cloud { get; }

    public IReadOnlyList<SimRequest> RequestList { get; }

    /// <summary>Instance lives that crashed in this schedule.</summary>
    public int Crashed { get; private set; }

    /// <summary>Runs until nothing is left to happen; a broken invariant inside a step throws <see cref="SimViolationException"/>.</summary>
    public void Run()
    {
        while (Step())
        {
            Steps++;
        }
    }

    /// <summary>Steps taken so far (for the cost per schedule).</summary>
    public int Steps { get; private set; }

    /// <summary>
    /// The recovery check: once everything ended, a request well after StartGrace on a fresh instance, with no more
    /// crashes, must start; its end (one event, handled) must leave the table empty. Returns the probe's answers.
    /// </summary>
    public IReadOnlyList<string> Probe(out SimRequest probe)
    {
        probing = true;
        crashes = 0;
        Cloud.FailStarts = 0;
        LockLeftBeforeProbe = Cloud.Locks.Count > 0;
        time.Advance(StaleLockCheck.StartGrace + TimeSpan.FromSeconds(1));
        stretch = TimeSpan.Zero;
        instances.Add(NewInstance('P', 1));
        probe = new SimRequest(9, "U0BOB", 0);
        Trace.Add($"probe: {probe} to P1{(LockLeftBeforeProbe ? $", lock left: {SimLockStore.Who(Cloud.Locks.Values.Single())}" : "")}");
        var done = probe;
        instances[^1].Deliver(probe, () => done.Finished++);
        Run();
        var answers = Cloud.Thread(probe.Mention.Channel, probe.Mention.ReplyThread).ToList();
        if (Cloud.Executions.FirstOrDefault(e => e.Running) is { } started)
        {
            End(started, "Success", 1);
            Run();
        }

        return answers;
    }

    /// <summary>The schedule ended with a lock only a takeover could recover (an end event lost or handled too early).</summary>
    public bool LockLeftBeforeProbe { get; private set; }

    private SimInstance NewInstance(char letter, int life) => new(letter, life, scheduler, Cloud, Catalog, time, Trace);

    private bool Step()
    {
        // The code's own steps weigh 1 each; the world's events are listed with their weights after them.
        choices.Clear();
        AddWorldEvents();
        var steps = scheduler.Ready.Count + scheduler.Pending.Count;
        if (steps + choices.Count == 0)
        {
            if (!instances.Any(i => i.Handling > 0))
            {
                return false;
            }

            // Only a timer can wake them (the protocol's own one-second waits).
            Advance(TimeSpan.FromSeconds(1));
            return true;
        }

        var pick = random.NextDouble() * (steps + choices.Sum(c => c.Weight));
        if (pick < steps)
        {
            var index = (int)pick;
            scheduler.Run(index < scheduler.Ready.Count ? scheduler.Ready[index] : scheduler.Pending[index - scheduler.Ready.Count]);
            return true;
        }

        pick -= steps;
        foreach (var (weight, run) in choices)
        {
            pick -= weight;
            if (pick < 0)
            {
                run();
                return true;
            }
        }

        choices[^1].Run();
        return true;
    }

    private void Advance(TimeSpan by)
    {
        stretch += by;
        if (stretch > StuckAfter)
        {
            throw new SimViolationException($"requests still handled after {StuckAfter.TotalSeconds} s: {string.Join(", ", instances.Where(i => i.Handling > 0).Select(i => i.Name))}");
        }

        Trace.Add($"clock +{by.TotalSeconds} s");
        time.Advance(by);
    }
}
