namespace SocketDeployer.Sandbox.Web;

/// <summary>How <see cref="WebSandbox"/> starts.</summary>
public sealed class WebSandboxOptions
{
    /// <summary>The daemon's configuration file; the shipped catalog when null.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>The page's loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How long each non-approval step runs on its own; null: until someone decides it on the page.</summary>
    public TimeSpan? StepTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The daemon's console log level (it logs beside the page's own output).</summary>
    public string DaemonLogLevel { get; init; } = "Warning";
}
