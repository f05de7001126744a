using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Checks the bot token, then holds the Socket Mode connections until the host stops.</summary>
internal sealed class SocketModeWorker(
    SocketModeClient client,
    BotIdentity bot,
    PeopleDirectory people,
    ServiceCatalog catalog,
    IOptions<SlackOptions> options,
    IHostApplicationLifetime lifetime,
    DaemonExit exit,
    ILogger<SocketModeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var me = await bot.GetAsync(stoppingToken);
            WorkerLog.SlackIdentity(logger, me.User, me.Team, options.Value.Connections);
        }
        catch (SlackApiException e)
        {
            WorkerLog.BotTokenRejected(logger, e.Error);
            exit.Fail(DaemonExit.RuntimeFailure);
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        // Alongside connecting, not before it: READY must not wait for group lookups, and a request that needs a group
        // meanwhile shares the lookup in flight.
        var warm = WarmGroupsAsync(stoppingToken);
        try
        {
            // Returns after closing the sockets and letting running handlers finish (bounded by Slack:SocketMode:HandlerDrainTimeout).
            await client.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            WorkerLog.Stopping(logger);
        }
        catch (Exception e)
        {
            WorkerLog.Crashed(logger, e);
            exit.Fail(DaemonExit.RuntimeFailure);
            lifetime.StopApplication();
        }

        await warm;
    }

    private async Task WarmGroupsAsync(CancellationToken ct)
    {
        try
        {
            await people.WarmAsync(catalog.Services.SelectMany(service => service.Deployers.Concat(service.Approvers)), ct);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // Best effort: the first request that needs a group reads it and reports a failure then.
        }
    }
}
