using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Daemon.Queue;

namespace SocketDeployer.Tests.Queue;

[TestFixture]
[CancelAfter(30_000)]
public sealed class QueueWorkerTests
{
    private QueueHarness _queue = null!;

    [SetUp]
    public void SetUp() => _queue = new QueueHarness();

    [TearDown]
    public void TearDown() => _queue.Dispose();

    [Test]
    public async Task HandledMessageIsDeletedAndFirstReceiveCompletes()
    {
        var id = _queue.Sqs.Send("{}");
        await _queue.StartAsync();

        await _queue.Until(() => _queue.Sqs.IsDeleted(id), "the handled message is deleted");

        Assert.Multiple(() =>
        {
            Assert.That(_queue.Handler.Started, Is.EqualTo(new[] { id }));
            Assert.That(_queue.Receiver.FirstReceive.IsCompletedSuccessfully, Is.True);
            Assert.That(_queue.Receiver.LastSuccessfulReceive, Is.EqualTo(_queue.Time.GetUtcNow()));
            Assert.That(_queue.Sqs.DeleteBatches().SelectMany(b => b), Is.EqualTo(new[] { id }));
        });
        await _queue.StopAsync();
    }

    [Test]
    public async Task RetryIsNotDeletedAndIsReceivedAgainAfterItsBackoff()
    {
        _queue.Handler.Behaviour = (m, _) => Task.FromResult(m.Attributes["ApproximateReceiveCount"] == "1" ? QueueOutcome.Retry : QueueOutcome.Done);
        var id = _queue.Sqs.Send("{}");
        await _queue.StartAsync();

        await _queue.Until(() => _queue.Sqs.VisibilityChangesOf(id).Count == 1, "the retry shortens the visibility");
        Assert.Multiple(() =>
        {
            Assert.That(_queue.Sqs.IsDeleted(id), Is.False);
            Assert.That(_queue.Sqs.VisibilityChangesOf(id)[0].Seconds, Is.EqualTo(RetryDelay.Seconds(1)));
            Assert.That(_queue.Sqs.VisibleCount, Is.Zero, "hidden until the backoff passed");
        });

        _queue.Time.Advance(TimeSpan.FromSeconds(RetryDelay.Seconds(1)));

        await _queue.Until(() => _queue.Sqs.IsDeleted(id), "the second delivery is handled and deleted");
        Assert.Multiple(() =>
        {
            Assert.That(_queue.Handler.Started, Is.EqualTo(new[] { id, id }));
            Assert.That(_queue.Sqs.ReceiveCount(id), Is.EqualTo(2));
        });
        await _queue.StopAsync();
    }

    [Test]
    public async Task HandlerExceptionIsLoggedWithTheMessageIdAndTheNextMessageIsStillHandled()
    {
        var failing = _queue.Sqs.Send("bad");
        var fine = _queue.Sqs.Send("good");
        _queue.Handler.Behaviour = (m, _) => m.Body == "bad" ? throw new InvalidOperationException("boom") : Task.FromResult(QueueOutcome.Done);
        await _queue.StartAsync();

        await _queue.Until(() => _queue.Sqs.IsDeleted(fine), "the next message is handled and deleted");
        await _queue.Until(() => _queue.Sqs.VisibilityChangesOf(failing).Count == 1, "the failed message is set to retry");

        var error = _queue.Logs.WithEventId(4007).Single();
        Assert.Multiple(() =>
        {
            Assert.That(_queue.Sqs.IsDeleted(failing), Is.False);
            Assert.That(error.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(error.Message, Does.Contain(failing));
            Assert.That(error.Exception, Is.InstanceOf<InvalidOperationException>());
        });
        await _queue.StopAsync();
    }

    [Test]
    public async Task LongHandlerHasItsVisibilityExtendedUntilItIsDone()
    {
        var release = new TaskCompletionSource<QueueOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Handler.Behaviour = (_, _) => release.Task;
        var id = _queue.Sqs.Send("{}");
        await _queue.StartAsync();
        await _queue.Until(() => _queue.Handler.Started.Count == 1, "the handler runs");

        _queue.Time.Advance(TimeSpan.FromSeconds(30));
        await _queue.Until(() => _queue.Sqs.VisibilityChangesOf(id).Count == 1, "a first extension");
        _queue.Time.Advance(TimeSpan.FromSeconds(30));
        await _queue.Until(() => _queue.Sqs.VisibilityChangesOf(id).Count == 2, "a second extension");
        _queue.Time.Advance(TimeSpan.FromSeconds(30));
        await _queue.Until(() => _queue.Sqs.VisibilityChangesOf(id).Count == 3, "a third extension");

        Assert.Multiple(() =>
        {
            Assert.That(_queue.Sqs.VisibilityChangesOf(id).Select(c => c.Seconds), Is.All.EqualTo(60));
            Assert.That(_queue.Sqs.InFlightCount, Is.EqualTo(1), "still hidden 90 s after a 60 s visibility");
            Assert.That(_queue.Sqs.ReceiveCount(id), Is.EqualTo(1));
        });

        release.SetResult(QueueOutcome.Done);
        await _queue.Until(() => _queue.Sqs.IsDeleted(id), "deleted once done");
        _queue.Time.Advance(TimeSpan.FromSeconds(120));
        Assert.That(_queue.Sqs.VisibilityChangesOf(id), Has.Count.EqualTo(3), "the heartbeat stopped with the handler");
        await _queue.StopAsync();
    }

    [Test]
    public async Task FailedDeleteEntriesAreLoggedAndTheWorkerGoesOn()
    {
        var lost = _queue.Sqs.Send("lost");
        var broken = _queue.Sqs.Send("broken");
        _queue.Sqs.DeleteFault = id => id == lost ? "ReceiptHandleIsInvalid" : id == broken ? "InternalError" : null;
        await _queue.StartAsync();
        await _queue.Until(() => _queue.Logs.WithEventId(4012).Count == 1 && _queue.Logs.WithEventId(4013).Count == 1, "both failures are logged");

        var next = _queue.Sqs.Send("next");
        await _queue.Until(() => _queue.Sqs.IsDeleted(next), "a later message is still handled and deleted");

        var receiptLost = _queue.Logs.WithEventId(4013).Single();
        var failed = _queue.Logs.WithEventId(4012).Single();
        Assert.Multiple(() =>
        {
            Assert.That(receiptLost.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(receiptLost.Message, Does.Contain(lost));
            Assert.That(failed.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(failed.Message, Does.Contain(broken).And.Contain("InternalError"));
            Assert.That(_queue.Sqs.IsDeleted(lost) || _queue.Sqs.IsDeleted(broken), Is.False);
        });
        await _queue.StopAsync();
    }

    [Test]
    public async Task DeletesAreBatchedUpToTen()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new QueueHarness(new QueueOptions { Concurrency = 12 });
        using var _ = queue;
        queue.Handler.Behaviour = async (_, _) =>
        {
            await gate.Task;
            return QueueOutcome.Done;
        };
        var ids = Enumerable.Range(0, 12).Select(_ => queue.Sqs.Send("{}")).ToList();
        await queue.StartAsync();
        await queue.Until(() => queue.Handler.Started.Count == 12, "all twelve are being handled");

        gate.SetResult();
        await queue.Until(() => ids.All(queue.Sqs.IsDeleted), "all twelve are deleted");

        var batches = queue.Sqs.DeleteBatches();
        Assert.Multiple(() =>
        {
            Assert.That(batches.Max(b => b.Count), Is.LessThanOrEqualTo(10));
            Assert.That(batches.Sum(b => b.Count), Is.EqualTo(12));
        });
        await queue.StopAsync();
    }

    [Test]
    public async Task WithOneHandlerMessagesAreHandledInReceiveOrder()
    {
        var queue = new QueueHarness(new QueueOptions { Concurrency = 1 });
        using var _ = queue;
        var ids = Enumerable.Range(0, 5).Select(i => queue.Sqs.Send(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await queue.StartAsync();

        await queue.Until(() => ids.All(queue.Sqs.IsDeleted), "all are deleted");

        Assert.That(queue.Handler.Started, Is.EqualTo(ids));
        await queue.StopAsync();
    }

    [Test]
    public void SqsMessageAttributesGiveTheReceiveCount()
    {
        var message = new SqsMessage("m", "r", "", new Dictionary<string, string> { ["ApproximateReceiveCount"] = "3" });
        var bare = new SqsMessage("m", "r", "", new Dictionary<string, string>());
        Assert.Multiple(() =>
        {
            Assert.That(RetryDelay.ReceiveCount(message), Is.EqualTo(3));
            Assert.That(RetryDelay.ReceiveCount(bare), Is.EqualTo(1));
            Assert.That(RetryDelay.Seconds(1), Is.EqualTo(5));
            Assert.That(RetryDelay.Seconds(3), Is.EqualTo(20));
            Assert.That(RetryDelay.Seconds(50), Is.EqualTo(RetryDelay.MaxSeconds));
        });
    }
}
