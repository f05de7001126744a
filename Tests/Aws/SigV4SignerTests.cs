using System.Net.Http.Headers;
using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The official aws-c-auth SigV4 vectors, header-signing variant.</summary>
public class SigV4SignerTests
{
    private static IEnumerable<TestCaseData> OfficialCases() =>
        SigV4Case.Official.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    // Sign(HttpRequestMessage) covers the cases a real client produces: the token signed, and no Content-Length
    // (HttpClient owns that header, so the signer leaves it unsigned; post-x-www-form-urlencoded signs it and
    // post-sts-header-after adds the token after signing — both are covered by the pure-function tests above).
    private static IEnumerable<TestCaseData> HttpRequestCases() =>
        new[] { "get-vanilla", "post-vanilla", "post-header-key-sort", "post-sts-header-before", "get-vanilla-with-session-token" }
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

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

        var stringToSign = SigV4Signer.StringToSign(c.Time, c.Region, c.Service, CanonicalRequest(c));

        Assert.That(stringToSign, Is.EqualTo(c.Expected("header-string-to-sign.txt")));
    }

    [TestCaseSource(nameof(OfficialCases))]
    public void Signature_matches_the_suite(string name)
    {
        var c = SigV4Case.Load(name);

        var signature = SigV4Signer.Signature(c.Credentials.SecretAccessKey, c.Time, c.Region, c.Service, c.Expected("header-string-to-sign.txt"));

        Assert.That(signature, Is.EqualTo(c.Expected("header-signature.txt").Trim()));
    }

    [TestCaseSource(nameof(HttpRequestCases))]
    public void Sign_sets_the_suites_Authorization_on_an_HttpRequestMessage(string name)
    {
        var c = SigV4Case.Load(name);
        using var request = ToHttpRequest(c);

        SigV4Signer.Sign(request, c.Body, c.Credentials, c.Region, c.Service, c.Time, addContentSha256: c.SignBody);

        var expected = SigV4Case.ParseRequest(c.Expected("header-signed-request.txt")).Headers
            .Single(h => h.Key == "Authorization").Value;
        Assert.That(request.Headers.GetValues("Authorization").Single(), Is.EqualTo(expected));
    }

    [Test]
    public void Sign_signs_the_body_hash_when_asked()
    {
        var c = SigV4Case.Load("post-x-www-form-urlencoded");
        using var request = ToHttpRequest(c with { Headers = [.. c.Headers.Where(h => h.Key != "Content-Length")] });

        SigV4Signer.Sign(request, c.Body, c.Credentials, c.Region, c.Service, c.Time, addContentSha256: true);

        Assert.Multiple(() =>
        {
            Assert.That(request.Headers.GetValues("x-amz-content-sha256").Single(), Is.EqualTo("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
            Assert.That(request.Headers.GetValues("Authorization").Single(), Does.Contain("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,"));
        });
    }

    [Test]
    public void Credentials_ToString_never_shows_the_secret_or_token()
    {
        var credentials = new AwsCredentialsSnapshot("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token-value");

        Assert.That(credentials.ToString(), Does.Contain("AKIDEXAMPLE").And.Not.Contain("wJalr").And.Not.Contain("token-value"));
    }

    internal static HttpRequestMessage ToHttpRequest(SigV4Case c)
    {
        var host = c.Headers.Single(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;
        var request = new HttpRequestMessage(new HttpMethod(c.Method), $"https://{host}{c.Path}{(c.Query.Length > 0 ? "?" + c.Query : "")}");
        if (c.Body.Length > 0)
            request.Content = new ByteArrayContent(c.Body);
        foreach (var (key, value) in c.Headers)
        {
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase))
                request.Headers.Host = value;
            else if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else if (key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                request.Content!.Headers.ContentLength = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            else
                request.Headers.TryAddWithoutValidation(key, value);
        }

        return request;
    }

    private static string CanonicalRequest(SigV4Case c)
    {
        var headers = c.SigningHeaders();
        return SigV4Signer.CanonicalRequest(c.Method, c.Path, c.Query, headers, [.. headers.Select(h => h.Key)], SigV4Signer.HashHex(c.Body));
    }
}
