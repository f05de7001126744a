using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>
/// AWS Signature Version 4, the verifier's half: the canonical request, string to sign and signature the Sandbox
/// recomputes for each request. The daemon signs with the AWS SDK, so this code checks something it did not write;
/// Tests/Aws/SigV4VerifierTests hold it to AWS's official test vectors.
/// </summary>
public static class SigV4
{
    /// <summary>The signing algorithm name.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The canonical request: method, path, query, the signed headers (lower-cased, trimmed, sorted), their list and the payload hash.</summary>
    public static string CanonicalRequest(
        string method,
        string path,
        string query,
        IEnumerable<KeyValuePair<string, string>> headers,
        IReadOnlyCollection<string> signedHeaders,
        string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(signedHeaders);
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
            .Append(string.Join(';', values.Keys)).Append('\n')
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

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>X-Amz-Date format: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The credential scope <c>date/region/service/aws4_request</c>.</summary>
    public static string Scope(DateTimeOffset time, string region, string service) => $"{DateStamp(time)}/{region}/{service}/aws4_request";

    private static string DateStamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

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
}
