using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>Checks a request's SigV4 Authorization the way AWS does, recomputing it with <see cref="SigV4"/> (code the daemon, signing through the AWS SDK, does not use).</summary>
internal sealed class AwsRequestVerifier(AwsSandboxOptions options)
{
    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    /// <summary>Throws <see cref="AwsSandboxError"/> unless the request is signed by the sandbox's key for <paramref name="service"/>.</summary>
    public void Verify(HttpRequest request, byte[] body, string service, bool queryProtocol)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
            throw new AwsSandboxError("MissingAuthenticationTokenException", "Missing Authentication Token", 403, "MissingAuthenticationToken");
        var parts = Parse(authorization);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signedList) ||
            !parts.TryGetValue("Signature", out var signature) || !authorization.StartsWith(SigV4.Algorithm + " ", StringComparison.Ordinal))
            throw Incomplete($"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization={authorization}");

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
            throw Incomplete($"Credential should be of the form <AccessKeyId>/<date>/<region>/<service>/aws4_request. Credential={credential}");
        if (scope[0] != options.AccessKeyId)
            throw Unrecognized(queryProtocol);
        var token = request.Headers["X-Amz-Security-Token"].ToString();
        if ((options.SessionToken ?? "") != token)
            throw Unrecognized(queryProtocol);

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            throw Incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        var signedHeaders = signedList.Split(';');
        if (!signedHeaders.Contains("host", StringComparer.Ordinal))
            throw Incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        if (scope[1] != amzDate[..8])
            throw Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope[1]}' != '{amzDate[..8]}', from '{amzDate}'.");
        if (scope[2] != options.Region)
            throw Invalid("Credential should be scoped to a valid region. ");
        if (scope[3] != service)
            throw Invalid($"Credential should be scoped to correct service: '{service}'. ");

        var now = options.TimeProvider.GetUtcNow();
        if ((now - signedAt).Duration() > options.MaxClockSkew)
        {
            var bound = signedAt < now ? $"earlier than {SigV4.AmzDate(now - options.MaxClockSkew)} ({SigV4.AmzDate(now)} - 5 min.)" : $"later than {SigV4.AmzDate(now + options.MaxClockSkew)} ({SigV4.AmzDate(now)} + 5 min.)";
            throw Invalid($"Signature expired: {amzDate} is now {bound}");
        }

        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? "")));
        var canonical = SigV4.CanonicalRequest(
            request.Method, request.Path.HasValue ? request.Path.Value! : "/", request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            headers, signedHeaders, SigV4.HashHex(body));
        var expected = SigV4.Signature(options.SecretAccessKey, signedAt, options.Region, service,
            SigV4.StringToSign(signedAt, options.Region, service, canonical));
        if (!string.Equals(expected, signature, StringComparison.Ordinal))
            throw Invalid(SignatureMismatch);
    }

    private static Dictionary<string, string> Parse(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                result[part[..equals]] = part[(equals + 1)..];
        }

        return result;
    }

    private static AwsSandboxError Incomplete(string message) => new("IncompleteSignatureException", message, 400, "IncompleteSignature");

    private static AwsSandboxError Unrecognized(bool queryProtocol) => new(
        "UnrecognizedClientException", "The security token included in the request is invalid.", queryProtocol ? 403 : 400, "InvalidClientTokenId");

    private static AwsSandboxError Invalid(string message) =>
        new("InvalidSignatureException", message, 403, "SignatureDoesNotMatch");
}
