using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Configuration;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>Builds the daemon's host: configuration sources in contract order, logging, then the services.</summary>
internal static class DaemonHost
{
    public static HostApplicationBuilder CreateBuilder(DaemonCommandLine commandLine, Action<IServiceCollection>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        AddConfiguration(builder.Configuration, commandLine);
        builder.Logging.AddDaemonLogging(builder.Configuration);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services
            .AddSocketDeployerOptions(builder.Configuration)
            .AddSlackClients()
            .AddAwsServices()
            .AddDeployFlow()
            .AddSocketModeWorker()
            .AddAutomationQueue(builder.Configuration)
            .AddSystemd();
        configure?.Invoke(builder.Services);
        WorkerGuard.GuardAll(builder.Services);
        return builder;
    }

    /// <summary>Later sources win: the JSON file, environment variables, systemd credentials, the command line.</summary>
    public static void AddConfiguration(IConfigurationBuilder configuration, DaemonCommandLine commandLine)
    {
        configuration.AddJsonFile(commandLine.ConfigPath, optional: false, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.Add(new CredentialsDirectorySource(Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY")));
        configuration.AddCommandLine(commandLine.ConfigurationArgs);
    }
}
