using System.Net;
using System.Text.Json;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

public class AwsErrorParserTests
{
    [Test]
    public void The_SQS_sample_yields_the_query_error_code_message_and_request_id()
    {
        using var response = ParseHttp(AwsSamples.Read("aws", "sqs-json-error-response.http"), out var body);

        var error = AwsErrorParser.Parse((int)response.StatusCode, response.Headers, body);

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("AWS.SimpleQueueService.NonExistentQueue"));
            Assert.That(error.AwsMessage, Is.EqualTo("The specified queue does not exist."));
            Assert.That(error.StatusCode, Is.EqualTo(400));
            Assert.That(error.RequestId, Is.EqualTo("66916324-67ca-54bb-a410-3f567a7a0571"));
        });
    }

    [Test]
    public void Without_the_query_error_header_the_code_is_the_type_after_the_last_hash()
    {
        using var response = ParseHttp(AwsSamples.Read("aws", "sqs-json-error-response.http"), out var body);
        response.Headers.Remove("x-amzn-query-error");

        Assert.That(AwsErrorParser.Parse(400, response.Headers, body).Code, Is.EqualTo("QueueDoesNotExist"));
    }

    [Test]
    public void The_SSM_example_error_reads_Message_with_a_capital_M()
    {
        using var examples = JsonDocument.Parse(AwsSamples.Read("aws", "ssm-json-request-examples.json"));
        var body = examples.RootElement.GetProperty("error#example").GetRawText();

        var error = AwsErrorParser.Parse(400, null, body);

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("AutomationExecutionNotFoundException"));
            Assert.That(error.AwsMessage, Is.EqualTo("..."));
        });
    }

    [TestCase("com.amazonaws.ssm#ThrottlingException", "ThrottlingException")]
    [TestCase("com.amazon.coral.service#UnrecognizedClientException", "UnrecognizedClientException")]
    [TestCase("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [TestCase("InvalidDocument", "InvalidDocument")]
    public void CodeFromType_strips_namespace_and_suffix(string type, string code) =>
        Assert.That(AwsErrorParser.CodeFromType(type), Is.EqualTo(code));

    [Test]
    public void A_body_that_is_not_JSON_still_gives_a_typed_error()
    {
        var error = AwsErrorParser.Parse(503, null, "<html>Service Unavailable</html>");

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("InternalFailure"));
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
    public void Only_throttling_429_and_5xx_are_transient(string code, int status, bool transient) =>
        Assert.That(AwsRetryOptions.IsTransient(new AwsException(code, "", status)), Is.EqualTo(transient));

    private static HttpResponseMessage ParseHttp(string text, out string body)
    {
        var parts = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2);
        var lines = parts[0].Split('\n');
        var response = new HttpResponseMessage((HttpStatusCode)int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            response.Headers.TryAddWithoutValidation(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        body = parts[1];
        return response;
    }
}
