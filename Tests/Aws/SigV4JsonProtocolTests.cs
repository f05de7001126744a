using System.Text;
using System.Text.Json;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The derived AWS JSON vectors (SQS ReceiveMessage, SSM GetAutomationExecution with a session token).</summary>
public class SigV4JsonProtocolTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        new[] { "sqs-receivemessage", "ssm-getautomationexecution-session-token" }.Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    [TestCaseSource(nameof(Cases))]
    public void Pure_functions_reproduce_the_vector(string name)
    {
        var (c, _) = Load(name);
        var headers = c.SigningHeaders();

        var canonical = SigV4Signer.CanonicalRequest(c.Method, c.Path, c.Query, headers, [.. headers.Select(h => h.Key)], SigV4Signer.HashHex(c.Body));
        var stringToSign = SigV4Signer.StringToSign(c.Time, c.Region, c.Service, canonical);
        var signature = SigV4Signer.Signature(c.Credentials.SecretAccessKey, c.Time, c.Region, c.Service, stringToSign);

        Assert.Multiple(() =>
        {
            Assert.That(canonical, Is.EqualTo(Read(name, "canonical-request")));
            Assert.That(stringToSign, Is.EqualTo(Read(name, "string-to-sign")));
            Assert.That(signature, Is.EqualTo(Read(name, "signature")));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Sign_produces_the_exact_Authorization(string name)
    {
        var (c, signedHeaders) = Load(name);
        using var request = SigV4SignerTests.ToHttpRequest(c);

        SigV4Signer.Sign(request, c.Body, c.Credentials, c.Region, c.Service, c.Time);

        Assert.Multiple(() =>
        {
            Assert.That(request.Headers.GetValues("Authorization").Single(), Is.EqualTo(Read(name, "authorization")));
            Assert.That(request.Headers.GetValues("Authorization").Single(), Is.EqualTo(signedHeaders["authorization"]));
            Assert.That(request.Headers.GetValues("X-Amz-Date").Single(), Is.EqualTo(signedHeaders["x-amz-date"]));
        });
    }

    private static string Read(string name, string kind) => AwsSamples.Read("sigv4", "derived-json-protocol", $"{name}.{kind}.txt").TrimEnd('\n');

    /// <summary>The request from request.txt, with credentials, region, service and time from smithy-signed.json (two concatenated JSON values).</summary>
    private static (SigV4Case Case, Dictionary<string, string> SignedHeaders) Load(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(AwsSamples.Read("sigv4", "derived-json-protocol", "smithy-signed.json"));
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            using (var document = JsonDocument.ParseValue(ref reader))
            {
                var root = document.RootElement;
                if (root.GetProperty("name").GetString() != name)
                    continue;
                var credentials = root.GetProperty("credentials");
                var request = SigV4Case.ParseRequest(AwsSamples.Read("sigv4", "derived-json-protocol", $"{name}.request.txt"));
                var c = request with
                {
                    Name = name,
                    Credentials = new AwsCredentialsSnapshot(
                        credentials.GetProperty("accessKeyId").GetString()!,
                        credentials.GetProperty("secretAccessKey").GetString()!,
                        credentials.TryGetProperty("sessionToken", out var token) ? token.GetString() : null),
                    Region = root.GetProperty("region").GetString()!,
                    Service = root.GetProperty("service").GetString()!,
                    Time = root.GetProperty("timestamp").GetDateTimeOffset(),
                };
                Assert.That(Encoding.UTF8.GetString(c.Body), Is.EqualTo(root.GetProperty("body").GetString()));
                var signed = root.GetProperty("signedHeaders").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                return (c, signed);
            }
        }

        throw new AssertionException($"No vector {name} in smithy-signed.json.");
    }
}
