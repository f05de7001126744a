using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>
/// Our own words for a worker that failed: the host's default ("BackgroundServiceExceptionBehavior … configure this
/// to Ignore") is advice no admin should follow, so its log is filtered (<see cref="LoggingSetup"/>) and this says
/// which worker stopped and why, in one line with the troubleshooting hint.
/// </summary>
internal static class StopReason
{
    /// <summary>The workers of a host, read before it runs (its provider is disposed after).</summary>
    public static List<BackgroundService> Workers(IServiceProvider services) =>
        [.. services.GetServices<IHostedService>().OfType<BackgroundService>()];

    /// <summary>The first worker that ended on an exception, described; null when none did.</summary>
    public static string? FailedWorker(IEnumerable<BackgroundService> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        foreach (var worker in workers)
        {
            if (worker.ExecuteTask is { IsFaulted: true, Exception: { } failure })
            {
                return $"{worker.GetType().Name} failed: {Describe(failure.GetBaseException())}";
            }
        }

        return null;
    }

    /// <summary>One line for an exception: the troubleshooting hint when we know one, else its type and message.</summary>
    public static string Describe(Exception e) => e switch
    {
        SlackApiException slack => TroubleshootingHints.ForSlack(slack),
        AwsException aws => TroubleshootingHints.ForAws(aws),
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
