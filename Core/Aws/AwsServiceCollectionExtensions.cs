using Amazon.Runtime;
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
    /// Registers <see cref="ISsm"/> and <see cref="ISqs"/> over the AWS SDK, signed with a registered
    /// <see cref="AWSCredentials"/> when there is one (tests), else the SDK's default chain. Binding <see cref="AwsOptions"/> is the host's job.
    /// </summary>
    public static IServiceCollection AddAwsClients(this IServiceCollection services)
    {
        services.TryAddSingleton<ISsm>(sp => new Ssm(
            sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<ILogger<Ssm>>(), sp.GetService<AWSCredentials>()));
        services.TryAddSingleton<ISqs>(sp => new Sqs(
            sp.GetRequiredService<IOptions<AwsOptions>>(), sp.GetRequiredService<ILogger<Sqs>>(), sp.GetService<AWSCredentials>()));
        return services;
    }
}
