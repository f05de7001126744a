using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Configuration;
using SocketDeployer.Daemon.Diagnostics;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Verbs;

/// <summary><c>socketdeployer [run]</c>: the daemon until SIGTERM/SIGINT; exit 0 only after such a request.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(DaemonCommandLine commandLine, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        // Validate before starting, exactly as check-config does, so a bad key costs one clear message and no half-started host.
        var check = ConfigurationCheck.Run(commandLine, configure);
        if (check.Failures.Count > 0 || check.Host is not { } host)
        {
            ConfigurationErrors.Print(check.Failures);
            check.Dispose();
            return DaemonExit.BadConfiguration;
        }

        ConfigFilePermissions.WarnIfExposed(commandLine.ConfigPath, host.Services.GetRequiredService<ILoggerFactory>());

        // RunAsync disposes the host: keep what is read after it.
        var exit = host.Services.GetRequiredService<DaemonExit>();
        using var stop = new StopRequest(cancellationToken);
        using (host)
        {
            try
            {
                await host.RunAsync(cancellationToken);
            }
            catch (OptionsValidationException e)
            {
                ConfigurationErrors.Print(e.Failures);
                return DaemonExit.BadConfiguration;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"socketdeployer stopped on an unrecoverable error: {StopReason.Describe(e.GetBaseException())}");
                return DaemonExit.RuntimeFailure;
            }
            catch (OperationCanceledException)
            {
                // Stopped while still starting: honest exit 0 only if it was asked for (Outcome decides).
            }

            return Outcome(exit, stop.Requested);
        }
    }

    private static int Outcome(DaemonExit exit, bool requested)
    {
        if (exit.Code != DaemonExit.Clean)
        {
            if (exit.Reason is { } reason)
            {
                Console.Error.WriteLine($"socketdeployer stopped on an unrecoverable error: {reason}");
            }

            return exit.Code;
        }

        if (!requested)
        {
            Console.Error.WriteLine("socketdeployer stopped without being asked to (see the log above); exiting as a failure so systemd restarts it");
            return DaemonExit.RuntimeFailure;
        }

        return DaemonExit.Clean;
    }
}
