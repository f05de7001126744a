namespace SocketDeployer.Daemon.Systemd;

/// <summary>Whether the daemon's loops still make progress: the systemd watchdog is pinged only while they do.</summary>
internal interface ILivenessProbe
{
    /// <summary>True when every loop has made progress recently enough, as of <paramref name="now"/>.</summary>
    bool IsMakingProgress(DateTimeOffset now);
}
