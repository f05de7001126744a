using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Amazon.SQS;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The sandbox refuses requests AWS would refuse, with AWS's codes and messages, as the official SDK reads them.</summary>
public class AwsSandboxAuthTests : AwsSandboxFixture
{
    private const string QueueName = "auth-queue";

    [OneTimeSetUp]
    public void CreateQueue() => Sandbox.CreateQueue(QueueName);

    [Test]
    public async Task A_request_the_SDK_signed_is_answered()
    {
        var url = await NewSqs("unused").GetQueueUrlAsync(QueueName, CancellationToken.None);

        Assert.That(url, Does.EndWith("/123456789012/" + QueueName));
    }

    [Test]
    public void A_body_changed_after_signing_fails_signature_verification()
    {
        using var client = Tampered(request =>
            request.Content = Json("""{"AutomationExecutionId":"b"}""", request.Content!.Headers.ContentType!));

        var error = Assert.ThrowsAsync<AwsException>(() => new Ssm(client).GetAutomationExecutionAsync("a", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(403));
            Assert.That(error.Code, Is.EqualTo("InvalidSignatureException"));
            Assert.That(error.AwsMessage, Does.StartWith("The request signature we calculated does not match the signature you provided."));
        });
    }

    [Test]
    public void A_wrong_secret_is_SignatureDoesNotMatch_and_never_retried()
    {
        var before = CallsOf("GetQueueUrl").Count;
        var sqs = new Sqs(SqsClient(new BasicAWSCredentials(Sandbox.AccessKeyId, "not-the-secret")), SqsClient(), "unused");

        var error = Assert.ThrowsAsync<AwsException>(() => sqs.GetQueueUrlAsync(QueueName, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo("SignatureDoesNotMatch"), "SQS's query-compatible code wins");
            Assert.That(error.StatusCode, Is.EqualTo(403));
            Assert.That(CallsOf("GetQueueUrl").Count - before, Is.EqualTo(1));
        });
    }

    [Test]
    public void An_unknown_access_key_is_UnrecognizedClientException() =>
        Assert.That(SsmSandboxTests.Code(() => new Ssm(SsmClient(new BasicAWSCredentials("AKIDUNKNOWN", Sandbox.SecretAccessKey)))
                .DescribeDocumentAsync("x", "1", CancellationToken.None)),
            Is.EqualTo("UnrecognizedClientException"));

    [Test]
    public void A_session_token_the_endpoint_did_not_issue_is_UnrecognizedClientException() =>
        Assert.That(SsmSandboxTests.Code(() => new Ssm(SsmClient(new SessionAWSCredentials(Sandbox.AccessKeyId, Sandbox.SecretAccessKey, "stolen")))
                .DescribeDocumentAsync("x", "1", CancellationToken.None)),
            Is.EqualTo("UnrecognizedClientException"));

    [Test]
    public void The_content_type_must_match_the_protocol()
    {
        using var client = Tampered(request =>
            request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0"));

        var error = Assert.ThrowsAsync<AwsException>(() => new Ssm(client).DescribeDocumentAsync("x", "1", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(400));
            Assert.That(error.Code, Is.EqualTo("UnknownOperationException"));
        });
    }

    [Test]
    public void An_unsigned_request_is_MissingAuthenticationToken()
    {
        using var client = Tampered(request => request.Headers.Authorization = null);

        Assert.That(SsmSandboxTests.Code(() => new Ssm(client).DescribeDocumentAsync("x", "1", CancellationToken.None)),
            Is.EqualTo("MissingAuthenticationTokenException"));
    }

    private LoggedSsmClient Tampered(Action<HttpRequestMessage> tamper)
    {
        var config = AwsSdkClients.Configure(new AmazonSimpleSystemsManagementConfig(), Sandbox.ServiceUrl, Sandbox.Region, TimeSpan.FromSeconds(10), FastRetry);
        config.HttpClientFactory = new TamperingHttpClientFactory(tamper);
        return new LoggedSsmClient(SandboxCredentials, config, NullLogger.Instance);
    }

    private static ByteArrayContent Json(string body, MediaTypeHeaderValue contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = contentType;
        return content;
    }
}

/// <summary>The sandbox with temporary credentials: the token must be sent, and is signed.</summary>
public class AwsSandboxSessionTokenTests : AwsSandboxFixture
{
    private const string Token = "FwoGZXIvYXdzEXAMPLETOKEN//+=";

    protected override AwsSandboxOptions Options => new() { SessionToken = Token };

    [Test]
    public async Task Temporary_credentials_are_accepted_with_their_token()
    {
        Sandbox.CreateQueue("token-queue");
        var credentials = new SessionAWSCredentials(Sandbox.AccessKeyId, Sandbox.SecretAccessKey, Token);

        var url = await new Sqs(SqsClient(credentials), SqsClient(credentials), "unused").GetQueueUrlAsync("token-queue", CancellationToken.None);

        Assert.That(url, Does.EndWith("/token-queue"));
    }

    [Test]
    public void Omitting_the_token_is_refused() =>
        Assert.That(SsmSandboxTests.Code(() => NewSqs("unused").GetQueueUrlAsync("token-queue", CancellationToken.None)),
            Is.EqualTo("InvalidClientTokenId"));
}
