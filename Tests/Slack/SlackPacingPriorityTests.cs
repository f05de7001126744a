using Microsoft.Extensions.Options;
using SocketDeployer.Core.Slack;
using Clock = SocketDeployer.Tests.Support.TimerWatchingFakeTimeProvider;

namespace SocketDeployer.Tests.Slack;

/// <summary>The posting queue on a clock only the test moves: by class, then oldest first, never unpaced.</summary>
public class SlackPacingPriorityTests
{
    private const string Channel = "C0FLOOD";
    private static readonly TimeSpan Seconds5 = TimeSpan.FromSeconds(5);

    private static SlackPacing Pacing(Clock clock, int refusalsQueued = 5) =>
        new(Options.Create(new SlackPacingOptions { PostsPerSecond = 1, PostBurst = 2, RefusalsQueuedPerChannel = refusalsQueued }), clock);

    [Test]
    public async Task AReleasesStartReplyGoesBeforeThirtyRefusalsQueuedAheadOfIt()
    {
        var clock = new Clock();
        using var pacing = Pacing(clock, refusalsQueued: 30);
        var refusals = Enumerable.Range(0, 30).Select(_ => pacing.PostAsync(Channel, PostPriority.Refusal, CancellationToken.None).AsTask()).ToList();
        await Task.WhenAll(refusals.Take(2)).WaitAsync(Seconds5);
        var startReply = pacing.PostAsync(Channel, PostPriority.Release, CancellationToken.None).AsTask();
        Assert.That(pacing.Waiting(Channel), Is.EqualTo(29), "the burst went to the first two refusals; the rest and the reply wait");

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await startReply.WaitAsync(Seconds5), Is.True, "the next slot is the start reply's");
        Assert.That(refusals.Skip(2).Count(t => t.IsCompleted), Is.Zero, "no refusal took that slot");
        // 28 more slots of a second, moved a slot at a time (each may start up to 1 ms late: timers fire on whole
        // milliseconds), so the bucket's timer, re-armed from its own callback, is due within each step.
        for (var slot = 0; slot < 28; slot++)
        {
            clock.Advance(TimeSpan.FromSeconds(1.01));
        }

        Assert.That(await Task.WhenAll(refusals).WaitAsync(Seconds5), Is.All.True, "the refusals still go out, at the pace");
    }

    [Test]
    public async Task ReleaseThenAnswersThenRefusalsEachOldestFirst()
    {
        var clock = new Clock();
        using var pacing = Pacing(clock);
        await pacing.PostAsync(Channel, PostPriority.Refusal, CancellationToken.None);
        await pacing.PostAsync(Channel, PostPriority.Refusal, CancellationToken.None);
        var queued = new (string Name, PostPriority Priority)[]
        {
            ("refusal 1", PostPriority.Refusal), ("answer 1", PostPriority.Answer), ("refusal 2", PostPriority.Refusal),
            ("answer 2", PostPriority.Answer), ("release", PostPriority.Release),
        };
        var posts = queued.ToDictionary(q => q.Name, q => pacing.PostAsync(Channel, q.Priority, CancellationToken.None).AsTask());

        foreach (var expected in new[] { "release", "answer 1", "answer 2", "refusal 1", "refusal 2" })
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.That(await posts[expected].WaitAsync(Seconds5), Is.True, expected);
            Assert.That(pacing.Waiting(Channel), Is.EqualTo(posts.Values.Count(t => !t.IsCompleted)), $"one slot per second, {expected} took it");
        }
    }

    [Test]
    public async Task BeyondTheRefusalLimitRefusalsAreShedWhileOtherPostsStillWaitForThePace()
    {
        var clock = new Clock();
        using var pacing = Pacing(clock, refusalsQueued: 5);
        var refusals = Enumerable.Range(0, 30).Select(_ => pacing.PostAsync(Channel, PostPriority.Refusal, CancellationToken.None).AsTask()).ToList();
        var shed = refusals.Where(t => t.IsCompleted && !t.Result).ToList();
        var answer = pacing.PostAsync(Channel, PostPriority.Answer, CancellationToken.None).AsTask();

        Assert.Multiple(() =>
        {
            Assert.That(shed, Has.Count.EqualTo(23), "2 went in the burst, 5 wait, the other 23 are shed at once");
            Assert.That(pacing.ShedRefusals, Is.EqualTo(23));
            Assert.That(answer.IsCompleted, Is.False, "a full queue makes an answer wait; it never goes out unpaced");
        });
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await answer.WaitAsync(Seconds5), Is.True);
    }

    [Test]
    public async Task PastTheDepthWhereALeaseQueueWouldFailAReleasesPostsStillWaitTheirTurn()
    {
        // System.Threading.RateLimiting fails a lease (IsAcquired false) once 10,000 wait; a caller that ignored that
        // posted unpaced. Here there is no lease to ignore: the 10,001st post and every one after it waits.
        var clock = new Clock();
        using var pacing = Pacing(clock);
        var posts = Enumerable.Range(0, 10_050).Select(_ => pacing.PostAsync(Channel, PostPriority.Release, CancellationToken.None).AsTask()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(posts.Count(t => t.IsCompleted), Is.EqualTo(2), "the burst, nothing more");
            Assert.That(posts.Where(t => t.IsCompleted).Select(t => t.Result), Is.All.True);
            Assert.That(pacing.Waiting(Channel), Is.EqualTo(10_048));
        });
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await posts[2].WaitAsync(Seconds5), Is.True);
        Assert.That(posts.Count(t => t.IsCompleted), Is.EqualTo(3), "one slot a second, however long the queue");
        Assert.That(pacing.ShedRefusals, Is.Zero, "a release's post is never shed");
    }

    [Test]
    public async Task UpdatesBeyondTenThousandWaitingStillWaitForThePace()
    {
        var clock = new Clock();
        using var pacing = new SlackPacing(Options.Create(new SlackPacingOptions { UpdatesPerMinute = 60, UpdateBurst = 1 }), clock);
        var updates = Enumerable.Range(0, 10_010).Select(_ => pacing.UpdateAsync(CancellationToken.None).AsTask()).ToList();
        Assert.That(updates.Count(t => t.IsCompleted), Is.EqualTo(1));

        clock.Advance(TimeSpan.FromSeconds(1));
        await updates[1].WaitAsync(Seconds5);
        Assert.That(updates.Count(t => t.IsCompleted), Is.EqualTo(2), "60 a minute is one a second");
    }

    [Test]
    public async Task ACancelledWaiterLeavesItsPlaceToTheNext()
    {
        var clock = new Clock();
        using var pacing = Pacing(clock);
        await pacing.PostAsync(Channel, PostPriority.Answer, CancellationToken.None);
        await pacing.PostAsync(Channel, PostPriority.Answer, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var cancelled = pacing.PostAsync(Channel, PostPriority.Release, stop.Token).AsTask();
        var next = pacing.PostAsync(Channel, PostPriority.Answer, CancellationToken.None).AsTask();

        await stop.CancelAsync();
        Assert.That(() => cancelled.WaitAsync(Seconds5), Throws.InstanceOf<OperationCanceledException>());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await next.WaitAsync(Seconds5), Is.True);
    }

    [Test]
    public async Task UpdatesPastTheirBurstWaitForTheTier3Pace()
    {
        var clock = new Clock();
        using var pacing = new SlackPacing(Options.Create(new SlackPacingOptions { UpdatesPerMinute = 50, UpdateBurst = 2 }), clock);
        await pacing.UpdateAsync(CancellationToken.None);
        await pacing.UpdateAsync(CancellationToken.None);
        var third = pacing.UpdateAsync(CancellationToken.None).AsTask();

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(third.IsCompleted, Is.False, "50 a minute is one per 1.2 s");
        clock.Advance(TimeSpan.FromSeconds(0.2));
        await third.WaitAsync(Seconds5);
    }
}
