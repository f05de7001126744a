using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SQS;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>One <see cref="AwsSandbox"/> per fixture, and the official SDK clients pointed at it, signed with its key.</summary>
public abstract class AwsSandboxFixture
{
    /// <summary>Fewer retries than the daemon's, so a test of giving up does not wait out five backoffs.</summary>
    protected static readonly AwsRetryOptions FastRetry = new() { MaxRetryAttempts = 2 };

    protected AwsSandbox Sandbox { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected virtual AwsSandboxOptions Options => new();

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        Sandbox = await AwsSandbox.StartAsync(Options);
        Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
    }

    protected AWSCredentials SandboxCredentials => new BasicAWSCredentials(Sandbox.AccessKeyId, Sandbox.SecretAccessKey);

    protected LoggedSsmClient SsmClient(AWSCredentials? credentials = null, AwsRetryOptions? retry = null, ILogger? logger = null) =>
        new(credentials ?? SandboxCredentials,
            AwsSdkClients.Configure(new AmazonSimpleSystemsManagementConfig(), Sandbox.ServiceUrl, Sandbox.Region, TimeSpan.FromSeconds(10), retry ?? FastRetry),
            logger ?? NullLogger.Instance);

    protected LoggedSqsClient SqsClient(AWSCredentials? credentials = null, TimeSpan? timeout = null, AwsRetryOptions? retry = null, ILogger? logger = null) =>
        new(credentials ?? SandboxCredentials,
            AwsSdkClients.Configure(new AmazonSQSConfig(), Sandbox.ServiceUrl, Sandbox.Region, timeout ?? TimeSpan.FromSeconds(30), retry ?? FastRetry),
            logger ?? NullLogger.Instance);

    protected Ssm NewSsm(AwsRetryOptions? retry = null, ILogger? logger = null) => new(SsmClient(retry: retry, logger: logger));

    protected Sqs NewSqs(string queueUrl) => new(SqsClient(), SqsClient(), queueUrl);

    protected IReadOnlyList<AwsCall> CallsOf(string operation) => [.. Sandbox.Calls.Where(c => c.Operation == operation)];

    /// <summary>Waits for a condition the sandbox reaches asynchronously, re-checked on each of its changes; fails after a generous deadline.</summary>
    protected async Task Eventually(Func<bool> condition, string what) =>
        Assert.That(await Sandbox.WaitUntilAsync(condition, TimeSpan.FromSeconds(10)), Is.True, $"Timed out waiting for: {what}");
}
