using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>A service behind the endpoint: answers one operation's parsed body, or throws <see cref="AwsSandboxError"/>.</summary>
internal interface IAwsSandboxService
{
    string TargetPrefix { get; }

    string SigningName { get; }

    string ContentType { get; }

    /// <summary>Whether errors also carry SQS's legacy <c>x-amzn-query-error</c> header.</summary>
    bool QueryCompatible { get; }

    string ErrorNamespace { get; }

    Task<JsonObject> HandleAsync(string operation, JsonElement body, CancellationToken cancellationToken);
}

/// <summary>The request pipeline of the sandbox: record, route by X-Amz-Target, check content type and signature, inject faults, dispatch.</summary>
internal sealed class AwsEndpoint(AwsSandboxOptions options, IReadOnlyList<IAwsSandboxService> services, AwsFaults faults)
{
    private readonly AwsRequestVerifier _verifier = new(options);
    private readonly List<AwsCall> _calls = [];

    public IReadOnlyList<AwsCall> Calls
    {
        get
        {
            lock (_calls)
                return [.. _calls];
        }
    }

    /// <summary>Raised once a call is answered (or given up by its caller), with its outcome filled in.</summary>
    public event Action<AwsCall>? Answered;

    /// <summary>Raised once a call has arrived and is recorded, before it is answered (a long poll is seen waiting).</summary>
    public event Action<AwsCall>? Received;

    public async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? target[..dot] : "";
        var operation = dot > 0 ? target[(dot + 1)..] : target;
        var call = new AwsCall(prefix, operation, Encoding.UTF8.GetString(body), options.TimeProvider.GetUtcNow());
        lock (_calls)
            _calls.Add(call);
        Received?.Invoke(call);

        var service = services.FirstOrDefault(s => s.TargetPrefix == prefix);
        try
        {
            await AnswerAsync(context, call, service, operation, body);
        }
        finally
        {
            Answered?.Invoke(call);
        }
    }

    private async Task AnswerAsync(HttpContext context, AwsCall call, IAwsSandboxService? service, string operation, byte[] body)
    {
        try
        {
            var answer = await ProcessAsync(context, service, operation, body);
            call.StatusCode = StatusCodes.Status200OK;
            await WriteAsync(context, 200, service?.ContentType ?? "application/x-amz-json-1.1", answer);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller gave up while the request was held back (nothing done) or before its answer was written.
            call.StatusCode = 499;
            call.ErrorCode = "ClientClosedRequest";
        }
        catch (AwsSandboxError error)
        {
            call.StatusCode = error.StatusCode;
            call.ErrorCode = error.Code;
            if (service?.QueryCompatible == true)
                context.Response.Headers["x-amzn-query-error"] = $"{error.QueryCode};{(error.StatusCode >= 500 ? "Receiver" : "Sender")}";
            var shape = new JsonObject { ["__type"] = $"{service?.ErrorNamespace ?? "com.amazon.coral.service"}#{error.Code}", ["message"] = error.Message };
            await WriteAsync(context, error.StatusCode, service?.ContentType ?? "application/x-amz-json-1.1", shape);
        }
    }

    private async Task<JsonObject> ProcessAsync(HttpContext context, IAwsSandboxService? service, string operation, byte[] body)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path.Value is not ("/" or ""))
            throw new AwsSandboxError("UnknownOperationException", "AWS JSON services answer POST / only.", 404);
        if (service is null)
            throw new AwsSandboxError("UnknownOperationException", "Missing or unknown X-Amz-Target.");
        if (!string.Equals(context.Request.ContentType, service.ContentType, StringComparison.OrdinalIgnoreCase))
            throw new AwsSandboxError("UnknownOperationException", $"{service.TargetPrefix} expects Content-Type {service.ContentType}.");
        _verifier.Verify(context.Request, body, service.SigningName, service.QueryCompatible);
        if (faults.Take(operation) is { } fault)
            throw fault;
        if (faults.TakeDelay(operation) is { } delay)
            await Task.Delay(delay.Delay, options.TimeProvider, delay.RunAnyway ? CancellationToken.None : context.RequestAborted);

        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw AwsSandboxError.Serialization("The request body is not valid JSON.");
        }

        if (json.ValueKind != JsonValueKind.Object)
            throw AwsSandboxError.Serialization("The request body must be a JSON object.");
        return await service.HandleAsync(operation, json, context.RequestAborted);
    }

    private async Task WriteAsync(HttpContext context, int status, string contentType, JsonObject body)
    {
        context.Response.StatusCode = status;
        // The SDK corrects its clock from this header (every answer, errors included), so it must be the Sandbox's clock,
        // not the one Kestrel would stamp: that is what lets a test see the daemon recover from a skewed clock.
        context.Response.Headers.Date = options.TimeProvider.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        context.Response.ContentType = contentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(body.WithoutNulls()!.ToJsonString(), context.RequestAborted);
    }
}
