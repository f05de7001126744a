using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Workers;

/// <summary>Holds the Socket Mode connections and runs the handlers for the envelopes they receive.</summary>
internal sealed class SocketModeWorker(
    SocketModeClient client,
    EnvelopeDispatcher dispatcher,
    BotIdentity bot,
    EnvelopeRouter router,
    PeopleDirectory people,
    ServiceCatalog catalog,
    IOptions<SlackOptions> options,
    IHostApplicationLifetime lifetime,
    DaemonExit exit,
    ILogger<SocketModeWorker> logger) : BackgroundService
{
    /// <summary>Envelopes handled at once; each is mostly waiting on Slack or AWS.</summary>
    public const int Concurrency = 8;

    /// <summary>How long handlers in flight may run on after a stop was asked for.</summary>
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var me = await bot.GetAsync(stoppingToken);
            WorkerLog.SlackIdentity(logger, me.User, me.Team, options.Value.Connections);
            await people.WarmAsync(catalog.Services.SelectMany(service => service.Deployers.Concat(service.Approvers)), stoppingToken);
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

        // Handlers get their own token: a stop lets them finish (bounded) instead of cutting a release in half.
        using var handlers = new CancellationTokenSource();
        var consumers = Enumerable.Range(0, Concurrency).Select(_ => ConsumeAsync(handlers.Token)).ToArray();
        try
        {
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
        finally
        {
            dispatcher.Complete();
            handlers.CancelAfter(DrainTimeout);
            await Task.WhenAll(consumers);
        }
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var envelope in dispatcher.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await router.RouteAsync(envelope, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (SlackApiException e)
                {
                    WorkerLog.SlackRefused(logger, e.Method, TroubleshootingHints.ForSlack(e));
                }
                catch (AwsException e)
                {
                    WorkerLog.AwsRefused(logger, TroubleshootingHints.ForAws(e));
                }
                catch (Exception e)
                {
                    // One bad envelope costs one log line; the next one is handled.
                    WorkerLog.HandlerFailed(logger, e, envelope.Type, envelope.EnvelopeId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            WorkerLog.Stopping(logger);
        }
    }
}
