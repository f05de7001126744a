using Microsoft.Extensions.Hosting;
using SocketDeployer.Core.Flow.Progress;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Sends the status messages' deferred edits at a graceful stop instead of dropping them (issue 12).</summary>
/// <remarks>Registered before the Socket Mode and queue workers: the host stops services in reverse order, so by the
/// time this one stops nothing hands over new events, and what is drained is everything there is.</remarks>
internal sealed class StatusEditDrain(StatusMessageEditor editor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => editor.DrainAsync(cancellationToken);
}
