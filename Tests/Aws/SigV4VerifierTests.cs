using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>
/// The Sandbox's SigV4 verifier against the official aws-c-auth vectors (header-signing variant). The daemon signs with
/// the AWS SDK, so these vectors are what keeps the verifier honest.
/// </summary>
public class SigV4VerifierTests
{
    private static IEnumerable<TestCaseData> OfficialCases() =>
        SigV4Case.Official.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(OfficialCases))]
    public void CanonicalRequest_matches_the_suite(string name)
    {
        var c = SigV4Case.Load(name);

        Assert.That(CanonicalRequest(c), Is.EqualTo(c.Expected("header-canonical-request.txt")));
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void StringToSign_matches_the_suite(string name)
    {
        var c = SigV4Case.Load(name);

        Assert.That(SigV4.StringToSign(c.Time, c.Region, c.Service, CanonicalRequest(c)), Is.EqualTo(c.Expected("header-string-to-sign.txt")));
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void Signature_matches_the_suite(string name)
    {
        var c = SigV4Case.Load(name);

        var signature = SigV4.Signature(c.Credentials.SecretAccessKey, c.Time, c.Region, c.Service, c.Expected("header-string-to-sign.txt"));

        Assert.That(signature, Is.EqualTo(c.Expected("header-signature.txt").Trim()));
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void The_verifier_accepts_the_suites_signed_request(string name)
    {
        var c = SigV4Case.Load(name);
        var signed = SigV4Case.ParseRequest(c.Expected("header-signed-request.txt"));

        Assert.DoesNotThrow(() => Verifier(c).Verify(ToHttpRequest(signed), signed.Body, c.Service, queryProtocol: false));
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void The_verifier_refuses_the_suites_request_with_one_signed_header_changed(string name)
    {
        var c = SigV4Case.Load(name);
        var signed = SigV4Case.ParseRequest(c.Expected("header-signed-request.txt"));
        var tampered = signed with { Headers = [.. signed.Headers.Select(h => h.Key == "Host" ? new(h.Key, "other." + h.Value) : h)] };

        var error = Assert.Throws<AwsSandboxError>(() => Verifier(c).Verify(ToHttpRequest(tampered), tampered.Body, c.Service, queryProtocol: false));

        Assert.That(error.Code, Is.EqualTo("InvalidSignatureException"));
    }

    [Test]
    public void The_verifier_refuses_the_suites_request_with_a_changed_body()
    {
        var c = SigV4Case.Load("post-x-www-form-urlencoded");
        var signed = SigV4Case.ParseRequest(c.Expected("header-signed-request.txt"));

        var error = Assert.Throws<AwsSandboxError>(() =>
            Verifier(c).Verify(ToHttpRequest(signed), Encoding.UTF8.GetBytes("Param1=value2"), c.Service, queryProtocol: false));

        Assert.That(error.Code, Is.EqualTo("InvalidSignatureException"));
    }

    internal static AwsRequestVerifier Verifier(SigV4Case c) => new(new AwsSandboxOptions
    {
        AccessKeyId = c.Credentials.AccessKeyId,
        SecretAccessKey = c.Credentials.SecretAccessKey,
        SessionToken = c.Credentials.SessionToken,
        Region = c.Region,
        TimeProvider = new FakeTimeProvider(c.Time),
    });

    internal static HttpRequest ToHttpRequest(SigV4Case c)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = c.Method;
        request.Path = c.Path;
        if (c.Query.Length > 0)
            request.QueryString = new QueryString("?" + c.Query);
        foreach (var group in c.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            request.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        return request;
    }

    private static string CanonicalRequest(SigV4Case c)
    {
        var headers = c.SigningHeaders();
        return SigV4.CanonicalRequest(c.Method, c.Path, c.Query, headers, [.. headers.Select(h => h.Key)], SigV4.HashHex(c.Body));
    }
}
