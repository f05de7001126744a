using System.Globalization;
using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Tests.FlowProgress;

public class ReleaseStateStoreTests
{
    [Test]
    public void TheSameExecutionGetsTheSameState()
    {
        var store = new ReleaseStateStore();
        var first = store.GetOrAdd("e1", out var created);
        var again = store.GetOrAdd("e1", out var createdAgain);
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.True);
            Assert.That(createdAgain, Is.False);
            Assert.That(again, Is.SameAs(first));
        });
    }

    [Test]
    public void TheStoreIsBoundedAndForgetsFinishedReleasesFirst()
    {
        var store = new ReleaseStateStore();
        var running = store.GetOrAdd("running", out _);
        store.GetOrAdd("finished", out _).ResultPosted = true;
        for (var i = 0; i < ReleaseStateStore.Capacity - 1; i++)
        {
            store.GetOrAdd(i.ToString(CultureInfo.InvariantCulture), out _);
        }

        Assert.Multiple(() =>
        {
            Assert.That(store.Count, Is.EqualTo(ReleaseStateStore.Capacity));
            Assert.That(store.GetOrAdd("running", out var recreated), Is.SameAs(running));
            Assert.That(recreated, Is.False, "the running release was kept");
        });
        store.GetOrAdd("finished", out var finishedRecreated);
        Assert.That(finishedRecreated, Is.True, "the finished one was forgotten first");
    }
}
