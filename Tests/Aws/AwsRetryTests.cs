using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>Transient AWS failures are retried with backoff; auth and validation errors never are.</summary>
public class AwsRetryTests : AwsSandboxFixture
{
    [TestCase("ThrottlingException", 400)]
    [TestCase("TooManyUpdates", 400)]
    [TestCase("InternalFailure", 500)]
    [TestCase("ServiceUnavailable", 503)]
    [TestCase("TooManyRequests", 429)]
    public async Task A_transient_failure_is_retried_until_it_succeeds(string code, int status)
    {
        var document = "Retry-" + Guid.NewGuid().ToString("N")[..8];
        Sandbox.RegisterDocument(document, "1", []);
        Sandbox.FailNext("DescribeDocument", code, status, times: 2);
        var before = CallsOf("DescribeDocument").Count;

        var answer = await NewSsm().DescribeDocumentAsync(document, "1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(answer, Is.EqualTo("Active"));
            Assert.That(CallsOf("DescribeDocument").Skip(before).Select(c => c.ErrorCode), Is.EqualTo(new[] { code, code, null }));
        });
    }

    [Test]
    public void Retries_give_up_after_MaxRetryAttempts_with_the_last_error()
    {
        Sandbox.FailNext("GetAutomationExecution", "ThrottlingException", 400, times: 10);
        var before = CallsOf("GetAutomationExecution").Count;

        var error = Assert.ThrowsAsync<AwsException>(() => NewSsm().GetAutomationExecutionAsync("x", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("ThrottlingException"));
            Assert.That(CallsOf("GetAutomationExecution").Count - before, Is.EqualTo(FastRetry.MaxRetryAttempts + 1));
        });
    }

    [TestCase("AccessDeniedException", 400)]
    [TestCase("ValidationException", 400)]
    [TestCase("UnrecognizedClientException", 403)]
    public void A_client_error_is_not_retried(string code, int status)
    {
        Sandbox.FailNext("ListTagsForResource", code, status, times: 2);
        var before = CallsOf("ListTagsForResource").Count;

        var error = Assert.ThrowsAsync<AwsException>(() => NewSsm().ListTagsAsync("x", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(CallsOf("ListTagsForResource").Count - before, Is.EqualTo(1));
        });
        Assert.That(SsmSandboxTests.Code(() => NewSsm().ListTagsAsync("x", CancellationToken.None)), Is.EqualTo(code), "drain the second injected fault");
    }

    [Test]
    public void A_real_validation_error_is_not_retried()
    {
        var before = CallsOf("StartAutomationExecution").Count;

        var code = SsmSandboxTests.Code(() => NewSsm().StartAutomationExecutionAsync(SsmSandboxTests.Request("No-Such-Document", null), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo("InvalidDocument"));
            Assert.That(CallsOf("StartAutomationExecution").Count - before, Is.EqualTo(1));
        });
    }

    [Test]
    public void An_attempt_that_outlives_its_timeout_is_retried_then_reported_as_a_timeout()
    {
        var queue = Sandbox.CreateQueue("slow-" + Guid.NewGuid().ToString("N")[..8]);
        var client = JsonClient(AwsJsonProtocol.Sqs, retry: new AwsRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(5) });
        var before = CallsOf("ReceiveMessage").Count;

        Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(
            "ReceiveMessage", new() { ["QueueUrl"] = queue, ["WaitTimeSeconds"] = 5 }, TimeSpan.FromMilliseconds(200), CancellationToken.None));

        Assert.That(CallsOf("ReceiveMessage").Count - before, Is.EqualTo(2));
    }

    [Test]
    public void The_callers_cancellation_is_not_retried()
    {
        var queue = Sandbox.CreateQueue("cancel-" + Guid.NewGuid().ToString("N")[..8]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(() => NewSqs(queue).ReceiveMessagesAsync(1, 10, null, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
