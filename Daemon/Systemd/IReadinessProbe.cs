namespace SocketDeployer.Daemon.Systemd;

/// <summary>When the daemon is ready to serve: systemd is told <c>READY=1</c> once this completes.</summary>
internal interface IReadinessProbe
{
    /// <summary>Completes when the daemon can serve (e.g. a Socket Mode hello and a first SQS receive).</summary>
    Task WhenReadyAsync(CancellationToken cancellationToken);
}
