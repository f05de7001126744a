using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Checks the bot token, then holds the Socket Mode connections until the host stops.</summary>
internal sealed class SocketModeWorker(
    SocketModeClient client,
    BotIdentity bot,
    PeopleDirectory people,
    ServiceCatalog catalog,
    IOptions<SlackOptions> options,
    IOptions<SocketModeOptions> socketMode,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    DaemonExit exit,
    ILogger<SocketModeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var me = await IdentifyAsync(stoppingToken);
            WorkerLog.SlackIdentity(logger, me.User, me.Team, options.Value.Connections);
        }
        catch (SlackApiException e)
        {
            // A refusal (invalid_auth, missing_scope) will not heal by retrying: stop with the hint, exit 2.
            var hint = TroubleshootingHints.ForSlack(e);
            WorkerLog.BotTokenRejected(logger, hint);
            exit.Fail(DaemonExit.RuntimeFailure, $"Slack refused the bot token ({hint})");
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
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Cancelled, or a socket that broke as the stop came: a graceful stop either way, never exit 2.
            WorkerLog.Stopping(logger);
        }
        catch (SlackApiException e) when (SlackRefusals.IsPermanent(e))
        {
            var hint = TroubleshootingHints.ForSlack(e);
            WorkerLog.AppTokenRejected(logger, hint);
            exit.Fail(DaemonExit.RuntimeFailure, $"Slack refused to open a Socket Mode connection ({hint})");
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            WorkerLog.Crashed(logger, e.GetType().Name, e.Message);
            exit.Fail(DaemonExit.RuntimeFailure, $"the Socket Mode worker failed ({e.GetType().Name}: {e.Message})");
            lifetime.StopApplication();
        }

        await warm;
    }

    /// <summary>auth.test until Slack answers: unreachable (network, 5xx, 429 after the client's own retries) is retried
    /// with a capped backoff, one line per attempt; a refusal is thrown.</summary>
    private async Task<SlackIdentity> IdentifyAsync(CancellationToken stoppingToken)
    {
        var o = socketMode.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await bot.GetAsync(stoppingToken);
            }
            catch (HttpRequestException e)
            {
                var delay = TimeSpan.FromTicks(Math.Min(o.ReconnectMaxDelay.Ticks, o.ReconnectBaseDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));
                WorkerLog.SlackUnreachable(logger, e.Message, attempt, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
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
