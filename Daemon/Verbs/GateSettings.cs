using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Configuration;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>
/// What <c>gate</c> reads: <c>Aws:*</c> and <c>Deploy:Gate:*</c> from the same sources as <c>run</c> (the file, the
/// environment, $CREDENTIALS_DIRECTORY, the command line), strictly (unknown keys refused), plus the catalog's service
/// names. Nothing of Slack: a pipeline host has no token.
/// </summary>
internal sealed class GateSettings : IDisposable
{
    private readonly ServiceProvider provider;

    private GateSettings(ServiceProvider provider, IReadOnlyList<string> services)
    {
        this.provider = provider;
        Services = services;
    }

    /// <summary>The catalog's service aliases (Deploy:Services).</summary>
    public IReadOnlyList<string> Services { get; }

    public GateOptions Gate => provider.GetRequiredService<IOptions<GateOptions>>().Value;

    public ISsm Ssm => provider.GetRequiredService<ISsm>();

    /// <summary>The settings, or every failure naming its key (or the file).</summary>
    public static GateSettings? Read(DaemonCommandLine commandLine, Action<IServiceCollection>? configure, out IReadOnlyList<string> failures)
    {
        var configuration = new ConfigurationManager();
        try
        {
            DaemonHost.AddConfiguration(configuration, commandLine);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException)
        {
            failures = [ConfigurationCheck.Unreadable(commandLine.ConfigPath, e)];
            return null;
        }

        var services = new ServiceCollection();
        // Only the SDK's retry warnings, on stderr: stdout is the pipeline's log of the decision.
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => (o.SingleLine, o.ColorBehavior) = (true, LoggerColorBehavior.Disabled))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSection<AwsOptions>(configuration, AwsOptions.Section, static (section, options) => section.Bind(options));
        services.AddSection<GateOptions>(configuration, GateOptions.Section, static (section, options) => section.Bind(options));
        services.AddSingleton<IValidateOptions<AwsOptions>>(new AwsOptionsValidator { RequireQueue = false });
        services.AddSingleton<IValidateOptions<GateOptions>, GateOptionsValidator>();
        services.AddAwsClients();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        failures = ConfigurationCheck.Collect(provider);
        if (failures.Count > 0)
        {
            provider.Dispose();
            return null;
        }

        var names = configuration.GetSection($"{DeployOptions.Section}:Services").GetChildren().Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        return new GateSettings(provider, names);
    }

    public void Dispose() => provider.Dispose();
}
