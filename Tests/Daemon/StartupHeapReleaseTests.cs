using Microsoft.Extensions.Logging.Testing;
using SocketDeployer.Daemon.Hosting;
using SocketDeployer.Daemon.Systemd;
using SocketDeployer.Tests.Ops;

namespace SocketDeployer.Tests.Daemon;

/// <summary>One compacting collection once the daemon is ready, and none when it never becomes ready.</summary>
public class StartupHeapReleaseTests
{
    private const int ReleasedEvent = 3013;

    [Test]
    public async Task CollectsOnceWhenReadyAndSaysWhatItGaveBack()
    {
        var probes = new FakeProbes();
        var logger = new FakeLogger<StartupHeapRelease>();
        using var release = new StartupHeapRelease(probes, logger);
        await release.StartAsync(CancellationToken.None);
        Assert.That(logger.Collector.GetSnapshot().Any(r => r.Id.Id == ReleasedEvent), Is.False, "nothing before ready");

        var fullCollections = GC.CollectionCount(GC.MaxGeneration);
        probes.BecomeReady();
        await release.ExecuteTask!;

        var released = logger.Collector.GetSnapshot().Where(r => r.Id.Id == ReleasedEvent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(released, Has.Count.EqualTo(1));
            Assert.That(released[0].StructuredState!.Select(p => p.Key), Is.SupersetOf(new[] { "BeforeKb", "AfterKb", "HeapKb" }));
            Assert.That(GC.CollectionCount(GC.MaxGeneration), Is.GreaterThan(fullCollections), "a full collection ran");
        });
    }

    [Test]
    public async Task StoppedBeforeReadyCollectsNothing()
    {
        var logger = new FakeLogger<StartupHeapRelease>();
        var readiness = new AskedReadiness();
        using var release = new StartupHeapRelease(readiness, logger);
        await release.StartAsync(CancellationToken.None);
        await readiness.Asked.Task;
        await release.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(release.ExecuteTask!.IsCompletedSuccessfully, Is.True, "a stop is not a failure");
            Assert.That(logger.Collector.Count, Is.Zero);
        });
    }

    [Test]
    public async Task NeverReadyCollectsNothingAndDoesNotFail()
    {
        var logger = new FakeLogger<StartupHeapRelease>();
        using var release = new StartupHeapRelease(new FailingReadiness(), logger);
        await release.StartAsync(CancellationToken.None);
        await release.ExecuteTask!;

        Assert.Multiple(() =>
        {
            Assert.That(release.ExecuteTask.IsCompletedSuccessfully, Is.True);
            Assert.That(logger.Collector.Count, Is.Zero);
        });
    }

    private sealed class AskedReadiness : IReadinessProbe
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WhenReadyAsync(CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private sealed class FailingReadiness : IReadinessProbe
    {
        public Task WhenReadyAsync(CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("the first receive failed"));
    }
}
