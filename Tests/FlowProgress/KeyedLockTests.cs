using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.FlowProgress;

public class KeyedLockTests
{
    [Test]
    public async Task OneHolderPerKey()
    {
        var locks = new KeyedLock();
        var first = await locks.AcquireAsync("a", CancellationToken.None);
        var second = locks.AcquireAsync("a", CancellationToken.None);
        Assert.That(second.IsCompleted, Is.False);
        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(locks.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task OtherKeysDoNotWait()
    {
        var locks = new KeyedLock();
        using var a = await locks.AcquireAsync("a", CancellationToken.None);
        var b = locks.AcquireAsync("b", CancellationToken.None);
        Assert.That(b.IsCompletedSuccessfully, Is.True);
        (await b).Dispose();
    }

    [Test]
    public async Task EntriesGoAwayWhenNobodyHoldsOrWaits()
    {
        var locks = new KeyedLock();
        var held = await locks.AcquireAsync("a", CancellationToken.None);
        held.Dispose();
        held.Dispose();
        Assert.That(locks.Count, Is.Zero, "a second Dispose releases nothing twice");
        using var again = await locks.AcquireAsync("a", CancellationToken.None);
        Assert.That(locks.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task ACancelledWaiterLeavesNoTrace()
    {
        var locks = new KeyedLock();
        var held = await locks.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("a", cancel.Token);
        await cancel.CancelAsync();
        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        held.Dispose();
        Assert.That(locks.Count, Is.Zero);
    }

    [Test]
    public async Task ManyContendersNeverOverlap()
    {
        var locks = new KeyedLock();
        var inside = 0;
        var overlaps = 0;
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            using var held = await locks.AcquireAsync("a", CancellationToken.None);
            if (Interlocked.Increment(ref inside) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            await Task.Yield();
            Interlocked.Decrement(ref inside);
        })));
        Assert.Multiple(() =>
        {
            Assert.That(overlaps, Is.Zero);
            Assert.That(locks.Count, Is.Zero);
        });
    }
}
