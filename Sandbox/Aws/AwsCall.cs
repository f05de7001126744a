using System.Text.Json;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>One request the sandbox received, recorded when it arrived; the outcome is filled in when it was answered.</summary>
public sealed class AwsCall
{
    internal AwsCall(string service, string operation, string body, DateTimeOffset time)
    {
        Service = service;
        Operation = operation;
        Body = body;
        Time = time;
    }

    /// <summary>The X-Amz-Target prefix (<c>AmazonSSM</c>, <c>AmazonSQS</c>), or empty when absent.</summary>
    public string Service { get; }

    /// <summary>The operation name after the prefix.</summary>
    public string Operation { get; }

    /// <summary>The raw request body.</summary>
    public string Body { get; }

    /// <summary>When the request arrived (sandbox clock).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The HTTP status answered; null while the request is still running (a long poll).</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The error code answered, when the call failed.</summary>
    public string? ErrorCode { get; internal set; }

    /// <summary>The body parsed as JSON.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Service}.{Operation} → {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"} {ErrorCode}";
}
