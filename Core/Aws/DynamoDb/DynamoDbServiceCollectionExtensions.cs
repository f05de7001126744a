using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Outside;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>Registers the lock store over DynamoDB.</summary>
public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IAmazonDynamoDB"/> (unless registered; signed with a registered <see cref="AWSCredentials"/>, else the
    /// SDK's default chain), <see cref="ILockStore"/>, <see cref="IAnnouncementClaims"/> and <see cref="IPromptClaims"/> (same table).</summary>
    public static IServiceCollection AddDynamoDbLockStore(this IServiceCollection services)
    {
        services.TryAddSingleton<IAmazonDynamoDB>(sp => DynamoDbClientFactory.Create(sp.GetRequiredService<IOptions<AwsOptions>>().Value, sp.GetService<AWSCredentials>()));
        services.TryAddSingleton<ILockStore, DynamoDbLockStore>();
        services.TryAddSingleton<IAnnouncementClaims, DynamoDbAnnouncementClaims>();
        services.TryAddSingleton<IPromptClaims, DynamoDbPromptClaims>();
        return services;
    }
}
