using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Sandbox.Web;

/// <summary>
/// The Sandbox as a live page: its Slack workspace and AWS endpoint, the real daemon connected to them with a catalog,
/// and a web server on loopback through which a person posts, clicks and steers the automation.
/// </summary>
public sealed class WebSandbox : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    private WebServer? _server;
    private bool _stopped;

    private WebSandbox(SandboxEnvironment environment, WebCatalog catalog, StepControls controls, DaemonInstance daemon)
    {
        Environment = environment;
        Catalog = catalog;
        Controls = controls;
        Daemon = daemon;
    }

    /// <summary>The Slack workspace and AWS endpoint.</summary>
    public SandboxEnvironment Environment { get; }

    /// <summary>The catalog the daemon runs.</summary>
    public WebCatalog Catalog { get; }

    /// <summary>The page's hand on the automation runner.</summary>
    public StepControls Controls { get; }

    /// <summary>The real daemon.</summary>
    public DaemonInstance Daemon { get; }

    /// <summary>The page, http://127.0.0.1:port/.</summary>
    public Uri Url => _server?.Url ?? throw new InvalidOperationException("The page is not started.");

    /// <summary>Starts everything; throws when the catalog cannot be read or the daemon does not connect.</summary>
    /// <exception cref="InvalidOperationException">The daemon stopped at start (its exit code is in the message).</exception>
    public static async Task<WebSandbox> StartAsync(WebSandboxOptions options)
    {
        var catalog = WebCatalog.Load(options.ConfigPath ?? SandboxEnvironment.ShippedConfig);
        var environment = await SandboxEnvironment.StartAsync(documents: catalog.RegisterDocuments);
        catalog.Seed(environment.Slack);
        var controls = new StepControls(options.StepTime);
        environment.Aws.RunAutomations(environment.QueueUrl, controls);
        var daemon = DaemonInstance.Start(environment, configure: null, "--config", catalog.Path, $"--Logging:LogLevel:Default={options.DaemonLogLevel}");
        var sandbox = new WebSandbox(environment, catalog, controls, daemon);
        try
        {
            await Task.WhenAny(environment.Slack.WaitForConnectionsAsync(catalog.Connections, ConnectTimeout), daemon.Exit);
            if (daemon.Exit.IsCompleted)
                throw new InvalidOperationException($"The daemon stopped at start with exit code {await daemon.Exit}.");
            sandbox._server = await WebServer.StartAsync(sandbox, options.Port);
            return sandbox;
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the page, then the daemon (as SIGTERM does), then the Sandbox; returns the daemon's exit code.</summary>
    public async Task<int> StopAsync()
    {
        _stopped = true;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        var code = Daemon.Exit.IsCompleted ? await Daemon.Exit : await Daemon.StopAsync();
        await Daemon.DisposeAsync();
        await Environment.DisposeAsync();
        return code;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
            await StopAsync();
    }
}
