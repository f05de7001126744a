using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// The page's server on loopback: the page itself (embedded), its state as server-sent events, and the actions a person
/// takes. Requests must name this server as their host (no DNS rebinding) and actions must be JSON from this origin.
/// </summary>
internal sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebActions _actions;
    private readonly WebEvents _events;
    private readonly CancellationTokenSource _stopping = new();
    private Uri? _url;

    private WebServer(WebApplication app, WebSandbox sandbox)
    {
        _app = app;
        _actions = new WebActions(sandbox);
        _events = new WebEvents(sandbox, new WebState(sandbox));
        _app.Run(HandleAsync);
    }

    public Uri Url => _url ?? throw new InvalidOperationException("The page is not started.");

    public static async Task<WebServer> StartAsync(WebSandbox sandbox, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var server = new WebServer(builder.Build(), sandbox);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server._url = new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Event streams never end on their own: end them first so the server's stop does not wait for them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _events.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsOwnHost(request.Host))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            return;
        }

        var path = request.Path.Value ?? "/";
        if (HttpMethods.IsGet(request.Method))
        {
            if (path == "/api/events")
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await _events.StreamAsync(context, linked.Token);
            }
            else
            {
                await WebAssets.ServeAsync(context, path);
            }

            return;
        }

        if (!HttpMethods.IsPost(request.Method) || !path.StartsWith("/api/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        // A cross-site form cannot send application/json without a preflight this server never answers.
        var origin = request.Headers.Origin.ToString();
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true
            || (origin.Length > 0 && !string.Equals(origin.TrimEnd('/'), Url.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await _actions.HandleAsync(context, path["/api/".Length..]);
    }

    private bool IsOwnHost(HostString host) =>
        _url is null || (host.Port == _url.Port && host.Host is "127.0.0.1" or "localhost");
}
