using System.Collections.Concurrent;
using System.Net;

namespace SocketDeployer.Tests.Slack;

/// <summary>An HTTP handler that records each request and answers from a script (then a default).</summary>
internal sealed class ScriptedHandler(Func<RecordedRequest, HttpResponseMessage> fallback) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _script = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Then(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null) =>
        _script.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
            configure?.Invoke(response);
            return response;
        });

    public static HttpResponseMessage Json(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = new RecordedRequest(
            request.RequestUri!.AbsolutePath.Split('/')[^1],
            request.Headers.Authorization?.ToString() ?? "",
            request.Content?.Headers.ContentType?.ToString() ?? "",
            request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        Requests.Enqueue(recorded);
        return _script.TryDequeue(out var next) ? next() : fallback(recorded);
    }
}

internal sealed record RecordedRequest(string Method, string Authorization, string ContentType, string Body);
