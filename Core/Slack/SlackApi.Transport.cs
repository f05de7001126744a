using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Slack;

public sealed partial class SlackApi
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(
        SlackApiResilienceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryAfter, timeProvider)),
            OnRetry = args =>
            {
                var method = args.Context.OperationKey ?? "?";
                var why = args.Outcome.Result is { } response
                    ? $"HTTP {(int)response.StatusCode}"
                    : args.Outcome.Exception?.GetType().Name ?? "unknown";
                SlackApiLog.Retrying(logger, method, why, args.AttemptNumber + 1, args.RetryDelay);
                return default;
            },
        };
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(retry);
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Result: { } response } => response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    // Null lets the retry strategy compute its exponential backoff.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider timeProvider)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests || response.Headers.RetryAfter is not { } header)
        {
            return null;
        }

        var delay = header.Delta ?? (header.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, cap.Ticks)) : null;
    }

    private Task<JsonElement> PostJsonAsync(string method, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(method, () => JsonContent.Create(body, CoreJsonContext.Default.JsonObject, JsonUtf8), cancellationToken);

    private Task<JsonElement> PostFormAsync(string method, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken) =>
        SendAsync(method, () => new FormUrlEncodedContent(fields), cancellationToken);

    /// <summary>One Web API call: retried while transient, then parsed; <c>ok:false</c> becomes <see cref="SlackApiException"/>.</summary>
    private async Task<JsonElement> SendAsync(string method, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(method, cancellationToken);
        HttpResponseMessage response;
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        using var request = state.Api.CreateRequest(state.Method, state.Content());
                        var result = await state.Api._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(result);
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Api: this, Method: method, Content: content)).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(exception.Message, exception, cancellationToken);
                }

                SlackApiLog.GaveUp(_logger, method, $"{exception.GetType().Name}: {exception.Message}");
                throw new HttpRequestException($"Slack {method} failed after retries: {exception.Message}", exception);
            }

            response = outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                SlackApiLog.GaveUpStatus(_logger, method, (int)response.StatusCode);
                throw new HttpRequestException($"Slack {method} failed after retries: HTTP {(int)response.StatusCode}", null, response.StatusCode);
            }

            return await ParseAsync(method, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage CreateRequest(string method, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ApiBaseUrl, method)) { Content = content };
        var token = UsesAppToken(method) ? _options.AppToken : _options.BotToken;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> ParseAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException($"Slack {method} answered HTTP {(int)response.StatusCode} without JSON", ex, response.StatusCode);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ok", out var ok))
        {
            throw new HttpRequestException($"Slack {method} answered HTTP {(int)response.StatusCode} without an ok field", null, response.StatusCode);
        }

        if (ok.ValueKind != JsonValueKind.True)
        {
            throw new SlackApiException(method, root.String("error") ?? "unknown_error", root.String("needed"));
        }

        return root;
    }

}
