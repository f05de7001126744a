using Amazon.DynamoDBv2;
using Amazon.Runtime;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>Builds the DynamoDB client from <c>Aws</c> options, configured like every other SDK client (<see cref="AwsSdkClients"/>).</summary>
public static class DynamoDbClientFactory
{
    /// <summary>A client for <paramref name="options"/>; <paramref name="credentials"/> null means the SDK's default chain.</summary>
    public static AmazonDynamoDBClient Create(AwsOptions options, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = AwsSdkClients.Configure(new AmazonDynamoDBConfig(), options.DynamoDbServiceUrl, AwsSdkClients.Region(options), options.CallTimeout);
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }
}
