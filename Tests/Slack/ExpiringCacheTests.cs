using SocketDeployer.Core.Slack;

namespace SocketDeployer.Tests.Slack;

public class ExpiringCacheTests
{
    [Test]
    public async Task ConcurrentMissesShareOneLoad()
    {
        var cache = new ExpiringCache<string, int>(TimeSpan.FromMinutes(5), TimeProvider.System);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loads = 0;
        var callers = Enumerable.Range(0, 20)
            .Select(_ => cache.GetOrAddAsync("S0GROUP", (_, _) => { Interlocked.Increment(ref loads); return release.Task; }, CancellationToken.None))
            .ToList();
        release.SetResult(42);
        var values = await Task.WhenAll(callers);
        Assert.Multiple(() =>
        {
            Assert.That(loads, Is.EqualTo(1));
            Assert.That(values, Is.All.EqualTo(42));
        });
    }

    [Test]
    public async Task AFailedLoadIsNotCachedAndTheNextCallLoadsAgain()
    {
        var cache = new ExpiringCache<string, int>(TimeSpan.FromMinutes(5), TimeProvider.System);
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetOrAddAsync("k", (_, _) => Task.FromException<int>(new InvalidOperationException("down")), CancellationToken.None));
        Assert.That(await cache.GetOrAddAsync("k", (_, _) => Task.FromResult(7), CancellationToken.None), Is.EqualTo(7));
    }

    [Test]
    public async Task ACancelledCallerDoesNotCancelTheSharedLoad()
    {
        var cache = new ExpiringCache<string, int>(TimeSpan.FromMinutes(5), TimeProvider.System);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var first = cache.GetOrAddAsync("k", (_, _) => release.Task, cancel.Token);
        var second = cache.GetOrAddAsync("k", (_, _) => Task.FromResult(-1), CancellationToken.None);
        await cancel.CancelAsync();
        release.SetResult(5);
        Assert.Multiple(() =>
        {
            Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(async () => await second, Is.EqualTo(5));
        });
    }
}
