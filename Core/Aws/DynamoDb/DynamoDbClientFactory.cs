using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>Builds the DynamoDB client from <c>Aws</c> options: region, optional endpoint override, per-call timeout.</summary>
public static class DynamoDbClientFactory
{
    /// <summary>A client for <paramref name="options"/>; <paramref name="credentials"/> null means the SDK's default chain.</summary>
    public static AmazonDynamoDBClient Create(AwsOptions options, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = AwsRegion.Resolve(options.Region);
        var config = new AmazonDynamoDBConfig
        {
            Timeout = options.CallTimeout,
            // Throttling and 5xx are retried with the SDK's jittered backoff; condition failures never are.
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 4,
        };
        if (options.DynamoDbServiceUrl is { } url)
        {
            // With a ServiceURL the SDK cannot derive the signing region from the host: name it.
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }
}
