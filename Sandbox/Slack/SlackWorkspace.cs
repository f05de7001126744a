using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SocketDeployer.Sandbox.Slack;

/// <summary>
/// A Slack workspace on loopback that speaks Slack's documented protocol: the Web API under
/// <see cref="ApiBaseUrl"/> and Socket Mode websockets opened through apps.connections.open.
/// Tests and the demo drive it (user messages, clicks, faults) and observe what the app did.
/// </summary>
public sealed partial class SlackWorkspace : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WorkspaceContext _workspace;
    private readonly ConnectionRegistry _connections = new();
    private readonly EnvelopeDispatcher _dispatcher;
    private readonly WebApiEndpoint _webApi;
    private readonly SocketModeEndpoint _socketMode;
    private readonly ChatMethods _chat;
    private readonly CancellationTokenSource _stopping = new();
    private long _eventCounter;

    private SlackWorkspace(WebApplication app, SlackWorkspaceOptions options)
    {
        _app = app;
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("SocketDeployer.Sandbox.Slack");
        _workspace = new WorkspaceContext(options, logger);
        _dispatcher = new EnvelopeDispatcher(_workspace, _connections);
        _chat = new ChatMethods(_workspace);
        _webApi = new WebApiEndpoint(_workspace, _chat, new DirectoryMethods(_workspace));
        _socketMode = new SocketModeEndpoint(_workspace, _connections, _dispatcher);
        _workspace.Directory.AddUser(new SandboxUser(options.BotUserId, options.BotUserName, IsBot: true));
    }

    /// <summary>Starts a workspace on http://127.0.0.1:&lt;free port&gt;/.</summary>
    public static async Task<SlackWorkspace> StartAsync(SlackWorkspaceOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SlackWorkspaceOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLogging();
        var app = builder.Build();
        var workspace = new SlackWorkspace(app, options);
        app.Use(GateSocketUpgrades);
        app.UseWebSockets();
        app.Run(workspace.HandleAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        workspace._workspace.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return workspace;
    }

    /// <summary>The Web API base, http://127.0.0.1:port/api/ (Slack: https://slack.com/api/).</summary>
    public Uri ApiBaseUrl => new(_workspace.BaseUri, "api/");

    /// <summary>The app-level token (xapp-…) apps.connections.open accepts.</summary>
    public string AppToken => _workspace.Options.AppToken;

    /// <summary>The bot token (xoxb-…) every other method accepts.</summary>
    public string BotToken => _workspace.Options.BotToken;

    public string TeamId => _workspace.Options.TeamId;

    public string BotUserId => _workspace.Options.BotUserId;

    /// <summary>Whether Web API calls are held to Slack's published rate limits.</summary>
    public bool EnforcesRateLimits => _workspace.EnforceRateLimits;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var connection in _connections.Open)
        {
            connection.Abort();
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _dispatcher.Dispose();
        _stopping.Dispose();
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return _webApi.HandleAsync(context, path["/api/".Length..]);
        }

        if (IsLinkPath(path))
        {
            return _socketMode.HandleAsync(context, _stopping.Token);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static Task GateSocketUpgrades(HttpContext context, RequestDelegate next)
    {
        if (IsLinkPath(context.Request.Path.Value) && context.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
        {
            var gate = new SocketGate();
            context.Items[typeof(SocketGate)] = gate;
            context.Features.Set<IHttpUpgradeFeature>(new GatedUpgradeFeature(upgrade, gate));
        }

        return next(context);
    }

    private static bool IsLinkPath(string? path) => path is "/link" or "/link/";
}
