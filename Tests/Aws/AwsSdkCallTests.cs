using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The SDK's exceptions reach the flow as <see cref="AwsException"/> with the codes its catch clauses and hints know.</summary>
public class AwsSdkCallTests : AwsSandboxFixture
{
    [Test]
    public void A_missing_queue_is_SQSs_legacy_code_with_status_and_request_id()
    {
        var error = Assert.ThrowsAsync<AwsException>(() => NewSqs("unused").GetQueueUrlAsync("no-such-queue", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo("AWS.SimpleQueueService.NonExistentQueue"));
            Assert.That(error.StatusCode, Is.EqualTo(400));
            Assert.That(error.RequestId, Is.Not.Empty);
            Assert.That(error.AwsMessage, Is.EqualTo("The specified queue does not exist."));
            Assert.That(error.InnerException, Is.InstanceOf<Amazon.SQS.Model.QueueDoesNotExistException>(), "the SDK's typed exception stays inside");
        });
    }

    [Test]
    public void An_unknown_execution_is_AutomationExecutionNotFoundException() =>
        Assert.That(SsmSandboxTests.Code(() => NewSsm().GetAutomationExecutionAsync(Guid.NewGuid().ToString(), CancellationToken.None)),
            Is.EqualTo("AutomationExecutionNotFoundException"));

    [Test]
    public void A_5xx_that_outlasts_the_retries_keeps_its_code_and_status_and_is_transient()
    {
        Sandbox.FailNext("DescribeDocument", "ServiceUnavailable", 503, times: FastRetry.MaxRetryAttempts + 1);

        var error = Assert.ThrowsAsync<AwsException>(() => NewSsm().DescribeDocumentAsync("x", "1", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo("ServiceUnavailable"));
            Assert.That(error.StatusCode, Is.EqualTo(503));
            Assert.That(AwsRetryOptions.IsTransient(error), Is.True);
        });
    }

    [TestCase("ThrottlingException", 400, true)]
    [TestCase("TooManyUpdates", 400, true)]
    [TestCase("RequestThrottled", 403, true)]
    [TestCase("Anything", 429, true)]
    [TestCase("InternalFailure", 500, true)]
    [TestCase("AccessDeniedException", 400, false)]
    [TestCase("ValidationException", 400, false)]
    [TestCase("InvalidSignatureException", 403, false)]
    [TestCase(AwsSdkCall.NoCredentialsCode, 0, false)]
    public void Only_throttling_429_and_5xx_are_transient(string code, int status, bool transient) =>
        Assert.That(AwsRetryOptions.IsTransient(new AwsException(code, "", status)), Is.EqualTo(transient));
}
