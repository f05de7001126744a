using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;

namespace SocketDeployer.Core.Aws;

/// <summary>
/// One SigV4-signed POST client for an AWS JSON 1.0/1.1 service. Each attempt is signed afresh (new X-Amz-Date,
/// freshly resolved credentials) and bounded by the per-call timeout; transient failures are retried with jittered backoff.
/// </summary>
public sealed class AwsJsonClient
{
    internal static readonly ResiliencePropertyKey<string> OperationKey = new("aws.operation");

    private readonly HttpClient _http;
    private readonly IAwsCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Creates the client for <paramref name="protocol"/> at <paramref name="endpoint"/>, signing for <paramref name="region"/>.</summary>
    public AwsJsonClient(
        HttpClient http,
        AwsJsonProtocol protocol,
        Uri endpoint,
        string region,
        IAwsCredentials credentials,
        TimeProvider time,
        ILogger logger,
        AwsRetryOptions? retry = null)
    {
        _http = http;
        Protocol = protocol;
        Endpoint = endpoint;
        Region = region;
        _credentials = credentials;
        _time = time;
        _logger = logger;
        _pipeline = (retry ?? new AwsRetryOptions()).Build(time, logger, protocol.TargetPrefix);
    }

    /// <summary>The service's protocol details.</summary>
    public AwsJsonProtocol Protocol { get; }

    /// <summary>Where requests are POSTed.</summary>
    public Uri Endpoint { get; }

    /// <summary>The signing region.</summary>
    public string Region { get; }

    /// <summary>
    /// Calls <paramref name="operation"/> with <paramref name="body"/>; returns the answer's JSON root (an empty object for
    /// an empty body). Throws <see cref="AwsException"/> for AWS errors, <see cref="TimeoutException"/> when every attempt timed out.
    /// </summary>
    public async Task<JsonElement> SendAsync(string operation, JsonObject body, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var payload = JsonSerializer.SerializeToUtf8Bytes(body);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Client.AttemptAsync(state.Operation, state.Payload, state.Timeout, ctx.CancellationToken),
                context,
                (Client: this, Operation: operation, Payload: payload, Timeout: attemptTimeout));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<JsonElement> AttemptAsync(string operation, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            var credentials = await _credentials.GetAsync(linked.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(Protocol.ContentType);
            request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{Protocol.TargetPrefix}.{operation}");
            SigV4Signer.Sign(request, payload, credentials, Region, Protocol.SigningName, _time.GetUtcNow());

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                var error = AwsErrorParser.Parse((int)response.StatusCode, response.Headers, text);
                AwsLog.Failed(_logger, Protocol.TargetPrefix, operation, error.Code, error.StatusCode);
                throw error;
            }

            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            return document.RootElement.Clone();
        }
        // Our attempt timer or the HttpClient's own Timeout fired, not the caller: a timeout, and worth another attempt.
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Protocol.TargetPrefix}.{operation} did not answer within {timeout}.");
        }
    }
}
