using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace SocketDeployer.Core.Aws;

/// <summary>
/// AWS Signature Version 4 for header-signed requests. The pure functions are shared with the Sandbox's verifier,
/// so the loopback endpoint checks signatures exactly the way the client computes them.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The signing algorithm name.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>SHA-256 of an empty payload.</summary>
    public static readonly string EmptyPayloadHash = HashHex([]);

    // Headers a proxy or the transport may add, drop or rewrite; signing them would break verification.
    private static readonly HashSet<string> Unsigned = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "expect", "connection", "keep-alive", "transfer-encoding", "x-amzn-trace-id", "content-length",
    };

    /// <summary>The canonical request: method, path, query, the signed headers (lower-cased, trimmed, sorted), their list and the payload hash.</summary>
    public static string CanonicalRequest(
        string method,
        string path,
        string query,
        IEnumerable<KeyValuePair<string, string>> headers,
        IReadOnlyCollection<string> signedHeaders,
        string payloadHash)
    {
        var wanted = new HashSet<string>(signedHeaders.Select(h => h.ToLowerInvariant()), StringComparer.Ordinal);
        var values = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.ToLowerInvariant();
            if (!wanted.Contains(key))
                continue;
            if (!values.TryGetValue(key, out var list))
                values[key] = list = [];
            list.Add(CanonicalValue(value));
        }

        var builder = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(string.IsNullOrEmpty(path) ? "/" : path).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, list) in values)
            builder.Append(name).Append(':').Append(string.Join(',', list)).Append('\n');
        return builder.Append('\n')
            .Append(SignedHeaderList(values.Keys)).Append('\n')
            .Append(payloadHash)
            .ToString();
    }

    /// <summary>The string to sign for a canonical request signed at <paramref name="time"/>.</summary>
    public static string StringToSign(DateTimeOffset time, string region, string service, string canonicalRequest) =>
        $"{Algorithm}\n{AmzDate(time)}\n{Scope(time, region, service)}\n{HashHex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    /// <summary>The hex HMAC of <paramref name="stringToSign"/> under the key derived from the secret, date, region and service.</summary>
    public static string Signature(string secretKey, DateTimeOffset date, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), DateStamp(date));
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    /// <summary>The Authorization header value.</summary>
    public static string Authorization(string accessKeyId, DateTimeOffset time, string region, string service, IEnumerable<string> signedHeaders, string signature) =>
        $"{Algorithm} Credential={accessKeyId}/{Scope(time, region, service)}, SignedHeaders={SignedHeaderList(signedHeaders)}, Signature={signature}";

    /// <summary>
    /// Signs <paramref name="request"/> in place: sets Host, X-Amz-Date, X-Amz-Security-Token (signed) and optionally
    /// x-amz-content-sha256, then Authorization over every header except transport ones (Content-Length included).
    /// </summary>
    public static void Sign(
        HttpRequestMessage request,
        byte[] body,
        AwsCredentialsSnapshot credentials,
        string region,
        string service,
        DateTimeOffset now,
        bool addContentSha256 = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var payloadHash = HashHex(body);
        request.Headers.Remove("Authorization");
        request.Headers.Host ??= uri.Authority;
        Replace(request.Headers, "X-Amz-Date", AmzDate(now));
        if (credentials.SessionToken is { } token)
            Replace(request.Headers, "X-Amz-Security-Token", token);
        if (addContentSha256)
            Replace(request.Headers, "x-amz-content-sha256", payloadHash);

        var headers = Flatten(request.Headers).Concat(request.Content is null ? [] : Flatten(request.Content.Headers))
            .Where(h => !Unsigned.Contains(h.Key))
            .ToList();
        var signed = headers.Select(h => h.Key.ToLowerInvariant()).Distinct().ToList();
        var canonical = CanonicalRequest(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, signed, payloadHash);
        var signature = Signature(credentials.SecretAccessKey, now, region, service, StringToSign(now, region, service, canonical));
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(credentials.AccessKeyId, now, region, service, signed, signature));
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>X-Amz-Date format: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The credential scope <c>date/region/service/aws4_request</c>.</summary>
    public static string Scope(DateTimeOffset time, string region, string service) => $"{DateStamp(time)}/{region}/{service}/aws4_request";

    private static string DateStamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string SignedHeaderList(IEnumerable<string> names) =>
        string.Join(';', names.Select(n => n.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CanonicalValue(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
            return "";
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    // RFC 3986 unreserved characters stay; everything else is %XX of its UTF-8 bytes, as SigV4 requires.
    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static void Replace(HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }

    private static IEnumerable<KeyValuePair<string, string>> Flatten(HttpHeaders headers) =>
        headers.NonValidated.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)));
}
