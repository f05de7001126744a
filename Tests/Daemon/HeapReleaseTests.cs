using Microsoft.Extensions.Logging.Testing;
using SocketDeployer.Daemon.Hosting;
using SocketDeployer.Daemon.Systemd;
using SocketDeployer.Tests.Ops;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

/// <summary>The heap is compacted once the daemon is ready and after a busy spell once it went quiet; never while busy,
/// never for an idle daemon's trickle, never before ready.</summary>
public class HeapReleaseTests
{
    private const int ReleasedEvent = 3013;
    private const long Mb = 1024 * 1024;

    [Test]
    public async Task CompactsOnceReadyAndSaysWhatItGaveBack()
    {
        using var run = new Run();
        await run.Release.StartAsync(CancellationToken.None);
        Assert.That(run.Heap.Compactions, Is.Empty, "nothing before ready");

        run.Probes.BecomeReady();
        await run.Heap.WaitUntilAsync(() => run.Heap.Compactions.Count == 1);

        var released = run.Logs.Collector.GetSnapshot().Where(r => r.Id.Id == ReleasedEvent).ToList();
        Assert.That(released, Has.Count.EqualTo(1));
        Assert.That(released[0].Message, Is.EqualTo("Heap released after start-up: 40960 KB committed before, 10240 KB after (2048 KB live)"));
    }

    [Test]
    public async Task ABusySpellIsReleasedAtTheFirstQuietIntervalAfterIt()
    {
        using var run = new Run();
        await run.StartReadyAsync();
        var start = run.Time.GetUtcNow();

        // Busy through the first interval: 20 MB allocated in it.
        run.Heap.Allocate(20 * Mb);
        await run.TickAsync();
        // Quiet through the second: a long poll's worth.
        run.Heap.Allocate(64 * 1024);
        await run.TickAsync();
        await run.Heap.WaitUntilAsync(() => run.Heap.Compactions.Count == 2);

        Assert.That(run.Heap.Compactions, Is.EqualTo(new[] { start, start + 2 * HeapRelease.Interval }), "released after the quiet interval, not during the busy one");
        Assert.That(run.Logs.Collector.LatestRecord.Message, Does.StartWith("Heap released after a busy spell:"));
    }

    [Test]
    public async Task AnIdleTrickleIsNeverReleasedButItsSumOnceItIsASpell()
    {
        using var run = new Run();
        await run.StartReadyAsync();
        var start = run.Time.GetUtcNow();

        // An idle daemon: 512 KB an interval. Quiet every time, but worth a release only once 8 MB have gathered.
        var ticks = (int)(HeapRelease.SpellBytes / (512 * 1024));
        for (var i = 0; i < ticks; i++)
        {
            run.Heap.Allocate(512 * 1024);
            await run.TickAsync();
        }

        await run.Heap.WaitUntilAsync(() => run.Heap.Compactions.Count == 2);
        Assert.That(run.Heap.Compactions[1], Is.EqualTo(start + ticks * HeapRelease.Interval), "once, at the tick the trickle reached a spell");
    }

    [Test]
    public async Task StoppedBeforeReadyCompactsNothing()
    {
        using var run = new Run();
        await run.Release.StartAsync(CancellationToken.None);
        await run.Probes.WaitUntilAskedAsync();
        await run.Release.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(run.Release.ExecuteTask!.IsCompletedSuccessfully, Is.True, "a stop is not a failure");
            Assert.That(run.Heap.Compactions, Is.Empty);
        });
    }

    [Test]
    public async Task NeverReadyCompactsNothingAndDoesNotFail()
    {
        var heap = new FakeHeap(new TimerWatchingFakeTimeProvider());
        using var release = new HeapRelease(new FailingReadiness(), heap, TimeProvider.System, new FakeLogger<HeapRelease>());
        await release.StartAsync(CancellationToken.None);
        await release.ExecuteTask!;

        Assert.Multiple(() =>
        {
            Assert.That(release.ExecuteTask.IsCompletedSuccessfully, Is.True);
            Assert.That(heap.Compactions, Is.Empty);
        });
    }

    private sealed class Run : IDisposable
    {
        public Run()
        {
            Heap = new FakeHeap(Time);
            Release = new HeapRelease(Probes, Heap, Time, Logs);
        }

        public TimerWatchingFakeTimeProvider Time { get; } = new();

        public FakeProbes Probes { get; } = new();

        public FakeHeap Heap { get; }

        public FakeLogger<HeapRelease> Logs { get; } = new();

        public HeapRelease Release { get; }

        public async Task StartReadyAsync()
        {
            await Release.StartAsync(CancellationToken.None);
            Probes.BecomeReady();
            await Time.WaitUntilAsync(() => Time.PendingDelays().Contains(HeapRelease.Interval), "the interval timer is armed");
        }

        /// <summary>One interval passes; returns once the tick read the heap (the loop took the tick, so the next is not merged into it).</summary>
        public async Task TickAsync()
        {
            var reads = Heap.Reads;
            Time.Advance(HeapRelease.Interval);
            await Heap.WaitUntilAsync(() => Heap.Reads > reads);
        }

        public void Dispose() => Release.Dispose();
    }

    private sealed class FakeHeap(TimeProvider time) : IManagedHeap
    {
        private readonly Lock _gate = new();
        private readonly List<DateTimeOffset> _compactions = [];
        private readonly ChangeSignal _changed = new();
        private long _allocated = 100 * Mb;
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public IReadOnlyList<DateTimeOffset> Compactions
        {
            get
            {
                lock (_gate)
                {
                    return [.. _compactions];
                }
            }
        }

        public long AllocatedBytes
        {
            get
            {
                var value = Interlocked.Read(ref _allocated);
                Interlocked.Increment(ref _reads);
                _changed.Pulse();
                return value;
            }
        }

        public void Allocate(long bytes) => Interlocked.Add(ref _allocated, bytes);

        public (long CommittedBefore, long CommittedAfter, long Live) Compact()
        {
            lock (_gate)
            {
                _compactions.Add(time.GetUtcNow());
            }

            _changed.Pulse();
            return (40 * Mb, 10 * Mb, 2 * Mb);
        }

        public async Task WaitUntilAsync(Func<bool> condition)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var next = _changed.Next;
                if (condition())
                {
                    return;
                }

                try
                {
                    await next.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.That(condition(), Is.True, "timed out waiting on the heap");
                    return;
                }
            }
        }
    }

    private sealed class FailingReadiness : IReadinessProbe
    {
        public Task WhenReadyAsync(CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("the first receive failed"));
    }
}
