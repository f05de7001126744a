using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Verbs;

/// <summary><c>socketdeployer check-config [--online]</c>: validate, print the catalog, optionally try every remote dependency.</summary>
internal static class CheckConfigVerb
{
    public static async Task<int> RunAsync(DaemonCommandLine commandLine, Action<IServiceCollection>? configure = null, TextWriter? output = null)
    {
        output ??= Console.Out;
        IHost host;
        try
        {
            host = DaemonHost.CreateBuilder(commandLine, configure).Build();
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"Configuration file {commandLine.ConfigPath} could not be read: {e.InnerException?.Message ?? e.Message}");
            return DaemonExit.BadConfiguration;
        }

        using (host)
        {
            var failures = Validate(host.Services);
            if (failures.Count > 0)
            {
                ConfigurationErrors.Print(failures);
                return DaemonExit.BadConfiguration;
            }

            await output.WriteLineAsync($"Configuration {commandLine.ConfigPath} is valid.");
            await CatalogPrinter.PrintAsync(host.Services.GetRequiredService<ServiceCatalog>(), output);
            if (!commandLine.Online)
            {
                return DaemonExit.Clean;
            }

            var checks = new OnlineChecks(
                host.Services.GetRequiredService<ISlackApi>(),
                host.Services.GetRequiredService<ISqs>(),
                host.Services.GetRequiredService<ISsm>(),
                host.Services.GetRequiredService<IOptions<AwsOptions>>().Value,
                host.Services.GetRequiredService<ServiceCatalog>());
            return await checks.RunAsync(output, CancellationToken.None) ? DaemonExit.Clean : DaemonExit.BadConfiguration;
        }
    }

    private static List<string> Validate(IServiceProvider services)
    {
        var failures = new List<string>();
        Collect(() => services.GetRequiredService<IOptions<SlackOptions>>().Value, failures);
        Collect(() => services.GetRequiredService<IOptions<AwsOptions>>().Value, failures);
        Collect(() => services.GetRequiredService<IOptions<DeployOptions>>().Value, failures);
        return failures;
    }

    private static void Collect(Func<object> read, List<string> failures)
    {
        try
        {
            read();
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        catch (InvalidOperationException e)
        {
            // The binder's own complaints (e.g. "Failed to convert configuration value at 'Slack:Connections'") name the key.
            failures.Add(e.Message);
        }
    }
}
