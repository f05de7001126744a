using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>
/// Runs a <see cref="BackgroundService"/> for the host and turns its failure into our own stop: one line naming the
/// worker and the hint, exit 2. Left to itself the host would log the stack trace and advise setting
/// BackgroundServiceExceptionBehavior to Ignore — advice no admin should follow — and exit 0, which systemd's
/// Restart=on-failure does not restart.
/// </summary>
internal sealed partial class WorkerGuard(
    BackgroundService worker,
    DaemonExit exit,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerGuard> logger) : IHostedService, IDisposable
{
    private Task _watch = Task.CompletedTask;

    /// <summary>Wraps every hosted service registered by type that is a BackgroundService; call after all registrations.</summary>
    public static void GuardAll(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, ImplementationType: { } worker } && type == typeof(IHostedService)
                && typeof(BackgroundService).IsAssignableFrom(worker))
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<WorkerGuard>(
                    sp, (BackgroundService)ActivatorUtilities.CreateInstance(sp, worker)));
            }
        }
    }

    /// <summary>The guarded worker, for diagnostics and tests.</summary>
    public BackgroundService Worker => worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await worker.StartAsync(cancellationToken);
        _watch = WatchAsync(worker.ExecuteTask);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await worker.StopAsync(cancellationToken);
        await _watch.WaitAsync(cancellationToken);
    }

    public void Dispose() => worker.Dispose();

    private async Task WatchAsync(Task? execution)
    {
        if (execution is null)
        {
            return;
        }

        try
        {
            await execution;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            var reason = $"{worker.GetType().Name} failed: {StopReason.Describe(e)}";
            Failed(logger, reason);
            exit.Fail(DaemonExit.RuntimeFailure, reason);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Critical, Message = "{Reason}; stopping (exit 2)")]
    private static partial void Failed(ILogger logger, string reason);
}
