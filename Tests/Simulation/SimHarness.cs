using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>One schedule written by hand: the simulation's fakes and instances, every step run in the order it was
/// queued. For the regression tests of what the seeded schedules found.</summary>
internal sealed class SimHarness
{
    private readonly SimScheduler scheduler;

    public SimHarness()
    {
        Trace = new SimTrace(Time) { Enabled = true };
        Cloud = new SimCloud(Time);
        scheduler = new SimScheduler(Trace);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public SimTrace Trace { get; }

    public SimCloud Cloud { get; }

    public SimInstance NewInstance(char letter) => new(letter, 1, scheduler, Cloud, SimWorld.Catalog, Time, Trace);

    /// <summary>A hold as a delivery of <paramref name="request"/> left it (token "earlier").</summary>
    public LockHolder Hold(SimRequest request, DateTimeOffset since, string? executionId = null)
    {
        var holder = new LockHolder("app", "earlier-delivery", request.Mention.User!, since, request.Version,
            $"{request.Mention.TeamId}/{request.EventId}", executionId, Thread: $"{request.Mention.Channel}/{request.Mention.Ts}");
        Cloud.TryAcquire(holder);
        return holder;
    }

    /// <summary>The execution a delivery of <paramref name="request"/> started (same ClientToken and tags) before it died.</summary>
    public string StartedBy(SimRequest request) => Cloud.Start(new StartAutomationRequest(
        "Deploy-App", "1", new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
        ClientToken.For(request.Mention.TeamId, request.EventId),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ExecutionTags.Thread] = $"{request.Mention.Channel}/{request.Mention.ReplyThread}",
            [ExecutionTags.Requester] = request.Mention.User!,
            [ExecutionTags.Service] = "app",
            [ExecutionTags.Version] = request.Version,
            [ExecutionTags.Event] = $"{request.Mention.TeamId}/{request.EventId}",
        }));

    public IReadOnlyList<string> Answers(SimRequest request) => Cloud.Thread(request.Mention.Channel, request.Mention.ReplyThread);

    /// <summary>Runs every queued step, oldest first, until none is left.</summary>
    public void RunInOrder()
    {
        var previous = SynchronizationContext.Current;
        try
        {
            while (scheduler.Ready.Count + scheduler.Pending.Count > 0)
            {
                scheduler.Run(scheduler.Ready.Count > 0 ? scheduler.Ready[0] : scheduler.Pending[0]);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
