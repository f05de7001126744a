using System.Text;
using System.Text.Json;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The verifier on the derived AWS JSON vectors (SQS ReceiveMessage, SSM GetAutomationExecution with a session token).</summary>
public class SigV4JsonProtocolTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        new[] { "sqs-receivemessage", "ssm-getautomationexecution-session-token" }.Select(n => new TestCaseData(n).SetArgDisplayNames(n));

    [TestCaseSource(nameof(Cases))]
    public void Pure_functions_reproduce_the_vector(string name)
    {
        var (c, _) = Load(name);
        var headers = c.SigningHeaders();

        var canonical = SigV4.CanonicalRequest(c.Method, c.Path, c.Query, headers, [.. headers.Select(h => h.Key)], SigV4.HashHex(c.Body));
        var stringToSign = SigV4.StringToSign(c.Time, c.Region, c.Service, canonical);
        var signature = SigV4.Signature(c.Credentials.SecretAccessKey, c.Time, c.Region, c.Service, stringToSign);

        Assert.Multiple(() =>
        {
            Assert.That(canonical, Is.EqualTo(Read(name, "canonical-request")));
            Assert.That(stringToSign, Is.EqualTo(Read(name, "string-to-sign")));
            Assert.That(signature, Is.EqualTo(Read(name, "signature")));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void The_verifier_accepts_the_vectors_signed_request(string name)
    {
        var (c, signedHeaders) = Load(name);
        // request.txt holds the unsigned request; the signer added the rest of signedHeaders.
        var added = signedHeaders.Where(h => !c.Headers.Any(x => x.Key.Equals(h.Key, StringComparison.OrdinalIgnoreCase)));
        var signed = c with { Headers = [.. c.Headers, .. added.Select(h => new KeyValuePair<string, string>(h.Key, h.Value))] };

        Assert.Multiple(() =>
        {
            Assert.That(signedHeaders["authorization"], Is.EqualTo(Read(name, "authorization")));
            Assert.DoesNotThrow(() => SigV4VerifierTests.Verifier(c).Verify(SigV4VerifierTests.ToHttpRequest(signed), c.Body, c.Service, c.Service == "sqs"));
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
                    Credentials = new SigV4Key(
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
