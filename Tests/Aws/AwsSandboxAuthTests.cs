using System.Net.Http.Headers;
using System.Text;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The sandbox refuses requests AWS would refuse, with AWS's codes and messages.</summary>
public class AwsSandboxAuthTests : AwsSandboxFixture
{
    private const string QueueName = "auth-queue";

    [OneTimeSetUp]
    public void CreateQueue() => Sandbox.CreateQueue(QueueName);

    [Test]
    public async Task A_correctly_signed_request_is_answered()
    {
        var answer = await JsonClient(AwsJsonProtocol.Sqs).SendAsync("GetQueueUrl", new() { ["QueueName"] = QueueName }, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.That(answer.GetProperty("QueueUrl").GetString(), Does.EndWith("/123456789012/" + QueueName));
    }

    [Test]
    public async Task A_tampered_body_fails_signature_verification()
    {
        using var request = Signed(AwsJsonProtocol.Ssm, "GetAutomationExecution", """{"AutomationExecutionId":"a"}""");
        request.Content = Json(AwsJsonProtocol.Ssm, """{"AutomationExecutionId":"b"}""");

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var error = AwsErrorParser.Parse((int)response.StatusCode, response.Headers, body);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(403));
            Assert.That(error.Code, Is.EqualTo("InvalidSignatureException"));
            Assert.That(error.AwsMessage, Does.StartWith("The request signature we calculated does not match the signature you provided."));
            Assert.That(body, Does.Contain("\"__type\":\"com.amazonaws.ssm#InvalidSignatureException\""));
        });
    }

    [Test]
    public void A_wrong_secret_is_InvalidSignatureException_and_never_retried()
    {
        var before = CallsOf("GetQueueUrl").Count;
        var client = JsonClient(AwsJsonProtocol.Sqs, credentials: new AwsCredentialsSnapshot(Sandbox.AccessKeyId, "not-the-secret"));

        var error = Assert.ThrowsAsync<AwsException>(() => client.SendAsync("GetQueueUrl", new() { ["QueueName"] = QueueName }, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("SignatureDoesNotMatch"), "SQS's query-compatible code wins");
            Assert.That(error.StatusCode, Is.EqualTo(403));
            Assert.That(CallsOf("GetQueueUrl").Count - before, Is.EqualTo(1));
        });
    }

    [Test]
    public void An_unknown_access_key_is_UnrecognizedClientException()
    {
        var client = JsonClient(AwsJsonProtocol.Ssm, credentials: new AwsCredentialsSnapshot("AKIDUNKNOWN", Sandbox.SecretAccessKey));

        Assert.That(SsmSandboxTests.Code(() => client.SendAsync("DescribeDocument", new() { ["Name"] = "x" }, TimeSpan.FromSeconds(5), CancellationToken.None)),
            Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public void A_session_token_the_endpoint_did_not_issue_is_UnrecognizedClientException()
    {
        var client = JsonClient(AwsJsonProtocol.Ssm, credentials: SandboxCredentials with { SessionToken = "stolen" });

        Assert.That(SsmSandboxTests.Code(() => client.SendAsync("DescribeDocument", new() { ["Name"] = "x" }, TimeSpan.FromSeconds(5), CancellationToken.None)),
            Is.EqualTo("UnrecognizedClientException"));
    }

    [Test]
    public void A_clock_more_than_five_minutes_off_is_Signature_expired()
    {
        var client = JsonClient(AwsJsonProtocol.Ssm, time: new OffsetTimeProvider(TimeSpan.FromMinutes(-6)));

        var error = Assert.ThrowsAsync<AwsException>(() => client.SendAsync("DescribeDocument", new() { ["Name"] = "x" }, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("InvalidSignatureException"));
            Assert.That(error.AwsMessage, Does.StartWith("Signature expired:"));
        });
    }

    [Test]
    public async Task The_content_type_must_match_the_protocol()
    {
        using var request = Signed(AwsJsonProtocol.Sqs with { ContentType = "application/x-amz-json-1.1" }, "GetQueueUrl", $$"""{"QueueName":"{{QueueName}}"}""");

        using var response = await Http.SendAsync(request);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task An_unsigned_request_is_MissingAuthenticationToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Sandbox.ServiceUrl) { Content = Json(AwsJsonProtocol.Ssm, "{}") };
        request.Headers.Add("X-Amz-Target", "AmazonSSM.DescribeDocument");

        using var response = await Http.SendAsync(request);
        var error = AwsErrorParser.Parse((int)response.StatusCode, response.Headers, await response.Content.ReadAsStringAsync());

        Assert.That(error.Code, Is.EqualTo("MissingAuthenticationTokenException"));
    }

    private HttpRequestMessage Signed(AwsJsonProtocol protocol, string operation, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Sandbox.ServiceUrl) { Content = Json(protocol, body) };
        request.Headers.Add("X-Amz-Target", $"{protocol.TargetPrefix}.{operation}");
        SigV4Signer.Sign(request, Encoding.UTF8.GetBytes(body), SandboxCredentials, Sandbox.Region, protocol.SigningName, TimeProvider.System.GetUtcNow());
        return request;
    }

    private static ByteArrayContent Json(AwsJsonProtocol protocol, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue(protocol.ContentType);
        return content;
    }

    private sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}

/// <summary>The sandbox with temporary credentials: the token must be sent, and is signed.</summary>
public class AwsSandboxSessionTokenTests : AwsSandboxFixture
{
    protected override AwsSandboxOptions Options => new() { SessionToken = "FwoGZXIvYXdzEXAMPLETOKEN//+=" };

    [Test]
    public async Task Temporary_credentials_are_accepted_with_their_token()
    {
        Sandbox.CreateQueue("token-queue");
        var client = JsonClient(AwsJsonProtocol.Sqs, credentials: SandboxCredentials with { SessionToken = "FwoGZXIvYXdzEXAMPLETOKEN//+=" });

        var answer = await client.SendAsync("GetQueueUrl", new() { ["QueueName"] = "token-queue" }, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.That(answer.GetProperty("QueueUrl").GetString(), Does.EndWith("/token-queue"));
    }

    [Test]
    public void Omitting_the_token_is_refused() =>
        Assert.That(SsmSandboxTests.Code(() => JsonClient(AwsJsonProtocol.Sqs).SendAsync("GetQueueUrl", new() { ["QueueName"] = "token-queue" }, TimeSpan.FromSeconds(5), CancellationToken.None)),
            Is.EqualTo("InvalidClientTokenId"));
}
