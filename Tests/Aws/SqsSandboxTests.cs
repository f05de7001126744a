using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The SQS client against the sandbox: long polling, visibility, receipt handles, redrive.</summary>
public class SqsSandboxTests : AwsSandboxFixture
{
    [Test]
    public async Task GetQueueUrl_finds_the_queue_or_answers_NonExistentQueue()
    {
        var url = Sandbox.CreateQueue(NewName());
        var sqs = NewSqs(url);

        var found = await sqs.GetQueueUrlAsync(url.Split('/')[^1], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(url));
            Assert.That(url, Does.StartWith(Sandbox.ServiceUrl + "123456789012/"));
            Assert.That(SsmSandboxTests.Code(() => sqs.GetQueueUrlAsync("missing-queue", CancellationToken.None)), Is.EqualTo("AWS.SimpleQueueService.NonExistentQueue"));
        });
    }

    [Test]
    public async Task ReceiveMessage_sends_the_QueueUrl_unchanged_and_answers_empty()
    {
        var url = Sandbox.CreateQueue(NewName());

        var messages = await NewSqs(url).ReceiveMessagesAsync(10, 0, 30, CancellationToken.None);

        var body = CallsOf("ReceiveMessage")[^1].Json();
        Assert.Multiple(() =>
        {
            Assert.That(messages, Is.Empty);
            Assert.That(body.GetProperty("QueueUrl").GetString(), Is.EqualTo(url));
            Assert.That(body.GetProperty("MaxNumberOfMessages").GetInt32(), Is.EqualTo(10));
            Assert.That(body.GetProperty("VisibilityTimeout").GetInt32(), Is.EqualTo(30));
            Assert.That(body.GetProperty("MessageSystemAttributeNames")[0].GetString(), Is.EqualTo("All"));
        });
    }

    [Test]
    public void A_queue_url_that_differs_in_any_way_does_not_exist()
    {
        var url = Sandbox.CreateQueue(NewName());

        Assert.That(SsmSandboxTests.Code(() => NewSqs(url + "/").ReceiveMessagesAsync(1, 0, null, CancellationToken.None)),
            Is.EqualTo("AWS.SimpleQueueService.NonExistentQueue"));
    }

    [Test]
    public async Task A_long_poll_returns_when_a_message_arrives()
    {
        var url = Sandbox.CreateQueue(NewName());
        var polls = CallsOf("ReceiveMessage").Count;

        var receive = NewSqs(url).ReceiveMessagesAsync(10, 20, null, CancellationToken.None);
        await Eventually(() => CallsOf("ReceiveMessage").Count > polls, "the long poll reached the sandbox");
        Assert.That(receive.IsCompleted, Is.False, "an empty queue holds the poll");
        var id = Sandbox.SendMessage(url, """{"socketdeployer":1,"executionId":"e","text":"hi"}""");
        var messages = await receive;

        Assert.Multiple(() =>
        {
            Assert.That(messages.Single().MessageId, Is.EqualTo(id));
            Assert.That(messages.Single().Body, Does.Contain("\"text\":\"hi\""));
            Assert.That(messages.Single().Attributes["ApproximateReceiveCount"], Is.EqualTo("1"));
            Assert.That(messages.Single().Attributes, Does.ContainKey("SentTimestamp"));
        });
    }

    [Test]
    public async Task A_message_not_deleted_comes_back_after_its_visibility_timeout_with_a_new_handle()
    {
        var url = Sandbox.CreateQueue(NewName());
        var sqs = NewSqs(url);
        Sandbox.SendMessage(url, "m");

        var first = (await sqs.ReceiveMessagesAsync(1, 0, 1, CancellationToken.None)).Single();
        var hidden = await sqs.ReceiveMessagesAsync(1, 0, 1, CancellationToken.None);
        var again = (await sqs.ReceiveMessagesAsync(1, 10, 30, CancellationToken.None)).Single();
        var staleDelete = await sqs.DeleteMessagesAsync([first], CancellationToken.None);
        var afterStaleDelete = Sandbox.Messages(url).Count;
        var staleChange = SsmSandboxTests.Code(() => sqs.ChangeVisibilityAsync(first, 0, CancellationToken.None));
        var delete = await sqs.DeleteMessagesAsync([again], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(hidden, Is.Empty);
            Assert.That(again.MessageId, Is.EqualTo(first.MessageId));
            Assert.That(again.ReceiptHandle, Is.Not.EqualTo(first.ReceiptHandle));
            Assert.That(again.Attributes["ApproximateReceiveCount"], Is.EqualTo("2"));
            Assert.That(staleDelete, Is.Empty, "SQS: a superseded handle's delete succeeds…");
            Assert.That(afterStaleDelete, Is.EqualTo(1), "…without deleting");
            Assert.That(staleChange, Is.EqualTo("ReceiptHandleIsInvalid"));
            Assert.That(delete, Is.Empty);
            Assert.That(Sandbox.Messages(url), Is.Empty);
        });
    }

    [Test]
    public async Task ChangeMessageVisibility_to_zero_makes_the_message_receivable_at_once()
    {
        var url = Sandbox.CreateQueue(NewName());
        var sqs = NewSqs(url);
        Sandbox.SendMessage(url, "m");
        var first = (await sqs.ReceiveMessagesAsync(1, 0, 300, CancellationToken.None)).Single();

        await sqs.ChangeVisibilityAsync(first, 0, CancellationToken.None);
        var again = await sqs.ReceiveMessagesAsync(1, 0, 300, CancellationToken.None);

        Assert.That(again.Single().MessageId, Is.EqualTo(first.MessageId));
    }

    [Test]
    public async Task After_maxReceiveCount_receives_the_message_moves_to_the_dead_letter_queue()
    {
        var dlq = Sandbox.CreateQueue(NewName() + "-dlq");
        var url = Sandbox.CreateQueue(NewName(), deadLetterQueueUrl: dlq, maxReceiveCount: 2);
        var sqs = NewSqs(url);
        var id = Sandbox.SendMessage(url, "unparseable");

        var receives = new List<int>();
        for (var i = 0; i < 3; i++)
            receives.Add((await sqs.ReceiveMessagesAsync(1, 0, 0, CancellationToken.None)).Count);
        var dead = await NewSqs(dlq).ReceiveMessagesAsync(1, 0, 30, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(receives, Is.EqualTo(new[] { 1, 1, 0 }));
            Assert.That(dead.Single().MessageId, Is.EqualTo(id));
            Assert.That(Sandbox.Messages(url), Is.Empty);
        });
    }

    [Test]
    public async Task DeleteMessageBatch_reports_unknown_handles_per_entry()
    {
        var url = Sandbox.CreateQueue(NewName());
        var sqs = NewSqs(url);
        Sandbox.SendMessage(url, "a");
        var real = (await sqs.ReceiveMessagesAsync(1, 0, 30, CancellationToken.None)).Single();
        var forged = new SqsMessage("forged-id", "bm90LWEtaGFuZGxl", "", new Dictionary<string, string>());

        var failed = await sqs.DeleteMessagesAsync([real, forged], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Select(f => (f.MessageId, f.Code)), Is.EqualTo(new[] { ("forged-id", "ReceiptHandleIsInvalid") }));
            Assert.That(Sandbox.Messages(url), Is.Empty);
        });
    }

    private static string NewName() => "events-" + Guid.NewGuid().ToString("N")[..8];
}
