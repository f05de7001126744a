using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// What the seeded schedules found, each as the one schedule that shows it: a redelivered mention whose earlier
/// delivery died unanswered stayed silent (seed 3656), and a redelivery went on with a hold it had only read, so a
/// failed start beside it let a third request start a second execution (seeds 4350 and 6459).
/// </summary>
public class ReleaseProtocolFindingsTests
{
    private readonly SimRequest alice = new(1, "U0ALICE", 1);
    private readonly SimRequest carol = new(2, "U0CAROL", 1);

    [Test]
    public void ARedeliveryThatFindsTheExecutionItsDeadDeliveryStartedAnswersItAsStarted()
    {
        var sim = new SimHarness();
        var started = sim.StartedBy(alice); // the lock given back or never recorded; the start reply never posted

        Deliver(sim, alice);

        Assert.Multiple(() =>
        {
            Assert.That(sim.Answers(alice), Has.Count.EqualTo(1).And.All.StartsWith(":rocket:"), sim.Trace.ToString());
            Assert.That(sim.Cloud.Execution(started).Tags, Does.ContainKey(ExecutionTags.StatusTs));
            Assert.That(sim.Cloud.Lock("app")?.ExecutionId, Is.EqualTo(started));
        });
    }

    [Test]
    public void ARedeliveryWhoseExecutionATakeoverCheckRecordedAnswersItAsStarted()
    {
        var sim = new SimHarness();
        var started = sim.StartedBy(alice);
        sim.Hold(alice, sim.Time.GetUtcNow() - StaleLockCheck.StartGrace - TimeSpan.FromMinutes(1), started);

        Deliver(sim, alice);

        Assert.That(sim.Answers(alice), Has.Count.EqualTo(1).And.All.StartsWith(":rocket:"), sim.Trace.ToString());
    }

    [Test]
    public void ARedeliveryHoldsItsEventsLockAfreshBeforeStarting()
    {
        var sim = new SimHarness();
        var earlier = sim.Hold(alice, sim.Time.GetUtcNow() - TimeSpan.FromSeconds(10));

        Deliver(sim, alice);

        var now = sim.Cloud.Lock("app");
        Assert.Multiple(() =>
        {
            Assert.That(now?.Token, Is.Not.EqualTo(earlier.Token), "taken over by compare-and-set, not used as read");
            Assert.That(now?.EventId, Is.EqualTo(earlier.EventId));
            Assert.That(now?.ExecutionId, Is.EqualTo(sim.Cloud.Executions.Single().Id));
            Assert.That(sim.Answers(alice), Has.Count.EqualTo(1).And.All.StartsWith(":rocket:"), sim.Trace.ToString());
        });
    }

    [Test]
    public void AFailedStartOfARedeliveryKeepsTheLockWhileTheEarlierDeliveryMayStillStart()
    {
        var sim = new SimHarness();
        sim.Hold(alice, sim.Time.GetUtcNow() - TimeSpan.FromSeconds(10));
        sim.Cloud.FailStarts = 1;

        Deliver(sim, alice);
        Deliver(sim, carol);

        Assert.Multiple(() =>
        {
            Assert.That(sim.Answers(alice), Has.Count.EqualTo(1).And.All.StartsWith(":x: Could not start"), sim.Trace.ToString());
            Assert.That(sim.Cloud.Lock("app")?.EventId, Is.EqualTo("T0SIM/Ev1"));
            Assert.That(sim.Answers(carol), Has.Count.EqualTo(1).And.All.StartsWith(":lock:"), "the earlier delivery may still start Ev1");
            Assert.That(sim.Cloud.Executions, Is.Empty);
        });
    }

    [Test]
    public void AFailedStartOfARedeliveryGivesTheLockBackOnceTheEarlierDeliveryOutlivedItsGrace()
    {
        var sim = new SimHarness();
        sim.Hold(alice, sim.Time.GetUtcNow() - StaleLockCheck.StartGrace - TimeSpan.FromSeconds(1));
        sim.Cloud.FailStarts = 1;

        Deliver(sim, alice);

        Assert.Multiple(() =>
        {
            Assert.That(sim.Answers(alice), Has.Count.EqualTo(1).And.All.StartsWith(":x: Could not start"), sim.Trace.ToString());
            Assert.That(sim.Cloud.Locks, Is.Empty);
        });
    }

    private static void Deliver(SimHarness sim, SimRequest request)
    {
        var handled = false;
        sim.NewInstance('A').Deliver(request, () => handled = true);
        sim.RunInOrder();
        Assert.That(handled, Is.True, $"{request} was handled to the end\n{sim.Trace}");
    }
}
