using SocketDeployer.Daemon.Queue;

namespace SocketDeployer.Tests.Queue;

[TestFixture]
[CancelAfter(30_000)]
public sealed class QueueShutdownTests
{
    [Test]
    public async Task StopLetsTheRunningHandlerFinishAndReturnsBufferedMessagesUndeleted()
    {
        var release = new TaskCompletionSource<QueueOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var queue = new QueueHarness(new QueueOptions { Concurrency = 1 });
        var handlerCancelled = false;
        queue.Handler.Behaviour = async (_, ct) =>
        {
            var outcome = await release.Task;
            handlerCancelled = ct.IsCancellationRequested;
            return outcome;
        };
        var running = queue.Sqs.Send("a");
        var buffered = new[] { queue.Sqs.Send("b"), queue.Sqs.Send("c") };
        await queue.StartAsync();
        await queue.Until(() => queue.Handler.Started.Count == 1 && queue.Sqs.InFlightCount == 3, "one handled, two buffered");

        var stopped = queue.StopAsync();
        await queue.Until(() => queue.Logs.WithEventId(4004).Count == 1, "the receiver stopped");
        Assert.That(stopped.IsCompleted, Is.False, "the stop waits for the running handler");
        release.SetResult(QueueOutcome.Done);
        await stopped;

        Assert.Multiple(() =>
        {
            Assert.That(queue.Sqs.IsDeleted(running), Is.True, "the handled message is deleted");
            Assert.That(handlerCancelled, Is.False);
            Assert.That(queue.Handler.Started, Is.EqualTo(new[] { running }), "no new message is started after the stop");
            Assert.That(buffered.Select(queue.Sqs.IsDeleted), Is.All.False);
            Assert.That(buffered.Select(id => queue.Sqs.VisibilityChangesOf(id).Select(c => c.Seconds)), Is.All.EqualTo(new[] { 0 }));
            Assert.That(queue.Sqs.VisibleCount, Is.EqualTo(2), "returned for another instance at once");
            Assert.That(queue.InFlight.Count, Is.Zero);
            Assert.That(queue.Logs.WithEventId(4019).Single().Message, Does.Contain("2"));
        });
    }

    [Test]
    public async Task HandlerStillRunningAfterTheDrainBoundIsCancelledAndItsMessageReturned()
    {
        using var queue = new QueueHarness();
        queue.Handler.Behaviour = async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return QueueOutcome.Done;
        };
        var id = queue.Sqs.Send("{}");
        await queue.StartAsync();
        await queue.Until(() => queue.Handler.Started.Count == 1, "the handler runs");

        var stopped = queue.StopAsync();
        await queue.Until(() => queue.Time.PendingDelays().Contains(QueueProcessor.DrainTimeout), "the drain bound is armed");
        Assert.That(stopped.IsCompleted, Is.False);
        queue.Time.Advance(QueueProcessor.DrainTimeout);
        await stopped;

        Assert.Multiple(() =>
        {
            Assert.That(queue.Sqs.IsDeleted(id), Is.False);
            Assert.That(queue.Sqs.VisibilityChangesOf(id).Select(c => c.Seconds), Is.EqualTo(new[] { 0 }));
            Assert.That(queue.Logs.WithEventId(4018), Has.Count.EqualTo(1));
            Assert.That(queue.Logs.WithEventId(4010), Has.Count.EqualTo(1));
            Assert.That(queue.Handler.Finished, Is.Empty);
        });
    }

    [Test]
    public async Task StopBeforeAnyReceiveCancelsFirstReceive()
    {
        using var queue = new QueueHarness();
        queue.Sqs.ReceiveFault = _ => new HttpRequestException("no route to host");
        await queue.StartAsync();
        await queue.Until(() => queue.Sqs.ReceiveCallCount == 1, "a receive was tried");

        await queue.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(queue.Receiver.FirstReceive.IsCanceled, Is.True);
            Assert.That(queue.Logs.WithEventId(4021), Has.Count.EqualTo(1), "stopped cleanly");
        });
    }
    [Test]
    public async Task ReceiveFailingAsTheStopComesEndsTheWorkerCleanly()
    {
        using var queue = new QueueHarness();
        Task? stopping = null;
        queue.Sqs.ReceiveFault = _ =>
        {
            // The stop is asked for while the call is under way; the call then fails with a network error, not a cancellation.
            stopping = queue.StopAsync();
            return new HttpRequestException("connection reset by peer");
        };
        await queue.StartAsync();
        await queue.Until(() => stopping is not null, "a receive was tried");

        await stopping!;

        Assert.Multiple(() =>
        {
            Assert.That(queue.Worker.ExecuteTask!.IsCompletedSuccessfully, Is.True, "the worker did not fail");
            Assert.That(queue.Logs.WithEventId(4021), Has.Count.EqualTo(1), "stopped cleanly");
            Assert.That(queue.Sqs.ReceiveCallCount, Is.EqualTo(1), "no retry after the stop");
        });
    }
}
