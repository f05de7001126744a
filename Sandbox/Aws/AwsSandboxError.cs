namespace SocketDeployer.Sandbox.Aws;

/// <summary>An error the sandbox answers the way AWS does: status, code, message; for SQS also the legacy query code.</summary>
public sealed class AwsSandboxError : Exception
{
    public AwsSandboxError(string code, string message, int statusCode = 400, string? queryCode = null)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        QueryCode = queryCode ?? code;
    }

    public AwsSandboxError() : this("InternalFailure", "Internal failure", 500)
    {
    }

    public AwsSandboxError(string message) : this("InternalFailure", message, 500)
    {
    }

    public AwsSandboxError(string message, Exception innerException) : base(message, innerException)
    {
        Code = QueryCode = "InternalFailure";
        StatusCode = 500;
    }

    /// <summary>The JSON protocol's error shape name (the part after '#' in <c>__type</c>).</summary>
    public string Code { get; }

    /// <summary>SQS's legacy query-protocol code, sent in <c>x-amzn-query-error</c>.</summary>
    public string QueryCode { get; }

    /// <summary>HTTP status.</summary>
    public int StatusCode { get; }

    internal static AwsSandboxError Validation(string message) => new("ValidationException", message);

    internal static AwsSandboxError Serialization(string message) => new("SerializationException", message);
}
