using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Configuration;
using SocketDeployer.Daemon.Diagnostics;
using SocketDeployer.Daemon.Hosting;

namespace SocketDeployer.Daemon.Verbs;

/// <summary><c>socketdeployer check-config [--online]</c>: validate, print the catalog, optionally try every remote dependency.</summary>
internal static class CheckConfigVerb
{
    public static async Task<int> RunAsync(DaemonCommandLine commandLine, Action<IServiceCollection>? configure = null, TextWriter? output = null)
    {
        output ??= Console.Out;
        using var check = ConfigurationCheck.Run(commandLine, services =>
        {
            configure?.Invoke(services);
            if (commandLine.Online)
            {
                // One attempt, bounded: a check that cannot reach Slack says so in seconds instead of retrying.
                services.PostConfigure<SlackApiResilienceOptions>(o =>
                {
                    o.MaxRetryAttempts = 0;
                    o.AttemptTimeout = OnlineChecks.CheckTimeout;
                });
            }
        });
        var failures = check.Failures.ToList();
        if (!commandLine.Online)
        {
            // Tokens never live in the file: offline, their absence is expected, not an error.
            foreach (var absent in failures.Where(SlackOptionsValidator.MissingTokens.ContainsKey).ToList())
            {
                failures.Remove(absent);
                await output.WriteLineAsync($"note: {SlackOptionsValidator.MissingTokens[absent]} is not set here; the daemon reads it from the environment or $CREDENTIALS_DIRECTORY at run time.");
            }
        }

        if (failures.Count > 0 || check.Host is not { } host)
        {
            ConfigurationErrors.Print(failures);
            return DaemonExit.BadConfiguration;
        }

        if (ConfigFilePermissions.Describe(commandLine.ConfigPath) is { } exposed)
        {
            await output.WriteLineAsync($"warning: {exposed}");
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
            host.Services.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>(),
            host.Services.GetRequiredService<IOptions<AwsOptions>>().Value,
            host.Services.GetRequiredService<ServiceCatalog>(),
            RegisteredCredentials(host.Services));
        return await checks.RunAsync(output, CancellationToken.None) ? DaemonExit.Clean : DaemonExit.BadConfiguration;
    }

    /// <summary>Credentials registered as a service (an in-process daemon in the tests) are what the clients sign with,
    /// so they are what the credential check resolves; otherwise the SDK's default chain.</summary>
    private static Func<CancellationToken, Task<string>>? RegisteredCredentials(IServiceProvider services) =>
        services.GetService<Amazon.Runtime.AWSCredentials>() is { } credentials
            ? async ct =>
            {
                await credentials.GetCredentialsAsync().WaitAsync(OnlineChecks.CheckTimeout, ct);
                return credentials.GetType().Name;
            }
            : null;
}
