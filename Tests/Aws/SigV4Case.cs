using System.Globalization;
using System.Text;
using System.Text.Json;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>One aws-c-auth SigV4 test case: the parsed request.txt and context.json.</summary>
internal sealed record SigV4Case(
    string Name,
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    SigV4Key Credentials,
    string Region,
    string Service,
    DateTimeOffset Time,
    bool SignBody,
    bool OmitSessionToken)
{
    public static readonly string[] Official =
    [
        "get-vanilla", "post-vanilla", "post-header-key-sort", "post-x-www-form-urlencoded",
        "post-sts-header-before", "post-sts-header-after", "get-vanilla-with-session-token",
    ];

    public string Expected(string file) => AwsSamples.Read("sigv4", Name, file);

    /// <summary>The request headers plus what signing adds (X-Amz-Date, the token unless omitted, the body hash when signed).</summary>
    public List<KeyValuePair<string, string>> SigningHeaders()
    {
        var headers = Headers.ToList();
        headers.Add(new("X-Amz-Date", SigV4.AmzDate(Time)));
        if (Credentials.SessionToken is { } token && !OmitSessionToken)
            headers.Add(new("X-Amz-Security-Token", token));
        if (SignBody)
            headers.Add(new("x-amz-content-sha256", SigV4.HashHex(Body)));
        return headers;
    }

    public static SigV4Case Load(string name)
    {
        using var context = JsonDocument.Parse(AwsSamples.Read("sigv4", name, "context.json"));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        var request = ParseRequest(AwsSamples.Read("sigv4", name, "request.txt"));
        return request with
        {
            Name = name,
            Credentials = new SigV4Key(
                credentials.GetProperty("access_key_id").GetString()!,
                credentials.GetProperty("secret_access_key").GetString()!,
                credentials.TryGetProperty("token", out var token) ? token.GetString() : null),
            Region = root.GetProperty("region").GetString()!,
            Service = root.GetProperty("service").GetString()!,
            Time = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            SignBody = root.GetProperty("sign_body").GetBoolean(),
            OmitSessionToken = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean(),
        };
    }

    /// <summary>Parses an HTTP/1.1 request as the suites write it: request line, Name:value headers, blank line, body.</summary>
    public static SigV4Case ParseRequest(string text)
    {
        var lines = text.Split('\n');
        var requestLine = lines[0].Split(' ');
        var target = requestLine[1];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(lines[i][..colon], lines[i][(colon + 1)..]));
        }

        var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : "";
        return new SigV4Case(
            "", requestLine[0], question < 0 ? target : target[..question], question < 0 ? "" : target[(question + 1)..],
            headers, Encoding.UTF8.GetBytes(body), new SigV4Key("", ""), "", "", default, false, false);
    }
}

/// <summary>The key a vector was signed with.</summary>
internal sealed record SigV4Key(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);
