using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Verbs;

/// <summary><c>socketdeployer [run]</c>: the daemon until SIGTERM/SIGINT.</summary>
internal static class RunVerb
{
    public static async Task<int> RunAsync(DaemonCommandLine commandLine, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        IHost host;
        try
        {
            host = DaemonHost.CreateBuilder(commandLine, configure).Build();
        }
        catch (FileNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"Configuration file not found: {e.FileName ?? commandLine.ConfigPath} (use --config PATH)");
            return DaemonExit.BadConfiguration;
        }
        catch (InvalidDataException e)
        {
            await Console.Error.WriteLineAsync($"Configuration file {commandLine.ConfigPath} is not valid JSON: {e.InnerException?.Message ?? e.Message}");
            return DaemonExit.BadConfiguration;
        }

        // Validate before starting, so a bad key costs one clear message and no half-started host.
        if (ConfigurationErrors.Collect(host.Services) is { Count: > 0 } failures)
        {
            ConfigurationErrors.Print(failures);
            host.Dispose();
            return DaemonExit.BadConfiguration;
        }

        Diagnostics.ConfigFilePermissions.WarnIfExposed(commandLine.ConfigPath, host.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());

        // RunAsync disposes the host: keep what is read after it.
        var exit = host.Services.GetRequiredService<DaemonExit>();
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
                await Console.Error.WriteLineAsync($"socketdeployer stopped on an unrecoverable error: {e.GetType().Name}: {e.Message}");
                return DaemonExit.RuntimeFailure;
            }

            return exit.Code;
        }
    }
}
