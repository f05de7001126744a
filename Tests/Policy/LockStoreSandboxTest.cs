using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Policy;

/// <summary>A Sandbox with the lock table, and the real SDK client and store pointed at it.</summary>
public abstract class LockStoreSandboxTest
{
    protected const string Table = "socketdeployer-locks";

    protected AwsSandbox Sandbox { get; private set; } = null!;

    protected AmazonDynamoDBClient Client { get; private set; } = null!;

    protected DynamoDbLockStore Store { get; private set; } = null!;

    [SetUp]
    public async Task StartSandbox()
    {
        Sandbox = await AwsSandbox.StartAsync();
        Sandbox.CreateTable(Table, "LockKey");
        Client = NewClient(Sandbox.SecretAccessKey);
        Store = new DynamoDbLockStore(Client, Options.Create(Aws(Table)));
    }

    [TearDown]
    public async Task StopSandbox()
    {
        Client?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }

    protected AwsOptions Aws(string table) => new() { Region = Sandbox.Region, DynamoDbServiceUrl = Sandbox.ServiceUrl, LockTable = table };

    protected AmazonDynamoDBClient NewClient(string secret) =>
        DynamoDbClientFactory.Create(Aws(Table), new BasicAWSCredentials(Sandbox.AccessKeyId, secret));

    protected IReadOnlyList<AwsCall> DynamoDbCalls(string operation) =>
        [.. Sandbox.Calls.Where(c => c.Service == "DynamoDB_20120810" && c.Operation == operation)];
}
