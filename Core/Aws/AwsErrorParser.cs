using System.Net.Http.Headers;
using System.Text.Json;

namespace SocketDeployer.Core.Aws;

/// <summary>Turns an AWS JSON error answer into an <see cref="AwsException"/>.</summary>
public static class AwsErrorParser
{
    /// <summary>
    /// Code from SQS's <c>x-amzn-query-error</c> ("Code;Sender") when present (it carries the legacy code callers know),
    /// else <c>__type</c> after its last '#'; message from <c>message</c> or <c>Message</c>.
    /// </summary>
    public static AwsException Parse(int statusCode, HttpResponseHeaders? headers, string body)
    {
        string? type = null, message = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                        continue;
                    if (property.NameEquals("__type"))
                        type = property.Value.GetString();
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                        message = property.Value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            message = body.Length > 200 ? body[..200] : body;
        }

        var code = CodeFromType(type);
        if (headers is not null && headers.TryGetValues("x-amzn-query-error", out var queryError))
        {
            var first = queryError.FirstOrDefault()?.Split(';')[0];
            if (!string.IsNullOrEmpty(first))
                code = first;
        }

        code ??= statusCode >= 500 ? "InternalFailure" : $"Http{statusCode}";
        var requestId = headers is not null && headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        return new AwsException(code, message ?? "", statusCode, requestId);
    }

    /// <summary><c>com.amazonaws.sqs#QueueDoesNotExist</c> → <c>QueueDoesNotExist</c>; also strips a ':' suffix some services add.</summary>
    public static string? CodeFromType(string? type)
    {
        if (string.IsNullOrEmpty(type))
            return null;
        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }
}
