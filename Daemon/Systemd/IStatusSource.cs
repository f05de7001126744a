namespace SocketDeployer.Daemon.Systemd;

/// <summary>A one-line summary of what the daemon is doing, shown by <c>systemctl status</c>.</summary>
internal interface IStatusSource
{
    /// <summary>The current summary, e.g. "2 Slack connections; queue polled 3 s ago; 1 release running".</summary>
    string Summary { get; }
}
