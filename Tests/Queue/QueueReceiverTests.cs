using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws;
using SocketDeployer.Daemon.Queue;

namespace SocketDeployer.Tests.Queue;

[TestFixture]
[CancelAfter(30_000)]
public sealed class QueueReceiverTests
{
    [Test]
    public async Task ReceiveErrorsBackOffOnTheClockAndTheLoopGoesOn()
    {
        using var queue = new QueueHarness();
        queue.Sqs.ReceiveFault = call => call <= 2 ? new AwsException("ServiceUnavailable", "try later", 503) : null;
        var id = queue.Sqs.Send("{}");
        await queue.StartAsync();

        await queue.Until(() => queue.Sqs.ReceiveCallCount == 1 && HasBackoffTimer(queue, 1), "the loop waits on a first backoff");
        Assert.Multiple(() =>
        {
            Assert.That(queue.Sqs.ReceiveCallCount, Is.EqualTo(1), "no second receive while the clock stands still");
            Assert.That(queue.Receiver.FirstReceive.IsCompleted, Is.False);
            Assert.That(queue.Receiver.LastSuccessfulReceive, Is.Null);
        });

        // Exactly to the backoff's end, so the next one is measured from where it starts.
        queue.Time.Advance(queue.Time.PendingDelays().Single());
        await queue.Until(() => queue.Sqs.ReceiveCallCount == 2 && HasBackoffTimer(queue, 2), "the loop waits on a longer backoff");
        Assert.That(queue.Sqs.ReceiveCallCount, Is.EqualTo(2));

        queue.Time.Advance(queue.Time.PendingDelays().Single());
        await queue.Receiver.FirstReceive;
        await queue.Until(() => queue.Sqs.IsDeleted(id), "the message is handled once receiving works");

        var warnings = queue.Logs.WithEventId(4002);
        Assert.Multiple(() =>
        {
            Assert.That(warnings, Has.Count.EqualTo(2));
            Assert.That(warnings.Select(w => w.Level), Is.All.EqualTo(LogLevel.Warning));
            Assert.That(warnings[0].Exception, Is.Null, "no stack trace per retry");
            Assert.That(warnings[0].Message, Does.StartWith("ReceiveMessage failed (ServiceUnavailable 503; 1 in a row); receiving again in "));
            Assert.That(queue.Receiver.LastSuccessfulReceive, Is.Not.Null);
        });
        await queue.StopAsync();
    }

    [Test]
    public async Task FullChannelStopsReceivingUntilAHandlerTakesAMessage()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var queue = new QueueHarness(new QueueOptions { Concurrency = 1, ChannelCapacity = 2 });
        queue.Handler.Behaviour = async (_, _) =>
        {
            await gate.Task;
            return QueueOutcome.Done;
        };
        var ids = Enumerable.Range(0, 6).Select(_ => queue.Sqs.Send("{}")).ToList();
        await queue.StartAsync();

        // One being handled and two buffered: the channel is full.
        await queue.Until(
            () => queue.Receiver.WaitingForCapacity && queue.Handler.Started.Count == 1 && queue.Sqs.InFlightCount == 3,
            "the receiver waits for room");
        Assert.Multiple(() =>
        {
            Assert.That(queue.Sqs.VisibleCount, Is.EqualTo(3), "the rest stays on the queue for others");
            Assert.That(queue.Sqs.ReceiveSizes(), Is.All.LessThanOrEqualTo(2), "never asks for more than the room");
            Assert.That(queue.Receiver.ReceivesInProgress, Is.Zero);
        });

        gate.SetResult();
        await queue.Until(() => ids.All(queue.Sqs.IsDeleted), "all are handled and deleted once handlers keep up");
        await queue.StopAsync();
    }

    [Test]
    public async Task EmptyLongPollsGoOnWithoutErrors()
    {
        using var queue = new QueueHarness();
        await queue.StartAsync();
        // The first receive is a short poll (readiness must not wait 20 s on an empty queue).
        await queue.Receiver.FirstReceive;
        await queue.Until(
            () => queue.Sqs.ReceiveCallCount == 2 && queue.Receiver.ReceivesInProgress == 1 && queue.Time.PendingDelays().Contains(TimeSpan.FromSeconds(1)),
            "then the long poll waits on the clock");

        queue.Time.Advance(TimeSpan.FromSeconds(queue.Options.WaitTimeSeconds));
        await queue.Until(() => queue.Sqs.ReceiveCallCount == 3, "the next long poll starts");

        var id = queue.Sqs.Send("{}");
        await queue.Until(() => queue.Sqs.IsDeleted(id), "a message sent during the long poll is handled");
        Assert.That(queue.Logs.Entries.Where(e => e.Level >= LogLevel.Warning), Is.Empty);
        await queue.StopAsync();
    }

    // The backoff after n failures is within [step/2, step] of the exponential step.
    private static bool HasBackoffTimer(QueueHarness queue, int failures)
    {
        var step = ReceiveBackoff.Base * Math.Pow(2, failures - 1);
        return queue.Time.PendingDelays().Any(d => d >= step / 2 && d <= step);
    }
}
