using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws;

/// <summary>Registers the AWS clients.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISsm"/>, <see cref="ISqs"/>, <see cref="IAwsCredentials"/> (the SDK chain, unless already
    /// registered) and <see cref="TimeProvider"/> (system, unless registered). Binding <see cref="AwsOptions"/> is the host's job.
    /// </summary>
    public static IServiceCollection AddAwsClients(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAwsCredentials, AwsSdkCredentials>();
        services.TryAddSingleton(_ => new AwsHttpClient(CreateHttpClient()));
        services.TryAddSingleton<ISsm>(sp => new Ssm(
            sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<AwsHttpClient>().Client, sp.GetRequiredService<IAwsCredentials>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Ssm>>()));
        services.TryAddSingleton<ISqs>(sp => new Sqs(
            sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<AwsHttpClient>().Client, sp.GetRequiredService<IAwsCredentials>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Sqs>>()));
        return services;
    }

    // One long-lived client: pooled connections are recycled so DNS changes (VPC endpoints) are seen; timeouts are per call.
    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Holder so the AWS HttpClient is owned (and disposed) by the container without claiming the HttpClient service type.</summary>
    internal sealed class AwsHttpClient(HttpClient client) : IDisposable
    {
        public HttpClient Client { get; } = client;

        public void Dispose() => Client.Dispose();
    }
}
