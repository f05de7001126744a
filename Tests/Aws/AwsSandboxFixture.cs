using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>One <see cref="AwsSandbox"/> per fixture, and clients signed with its key and quick retries.</summary>
public abstract class AwsSandboxFixture
{
    protected static readonly AwsRetryOptions FastRetry = new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) };

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

    protected AwsCredentialsSnapshot SandboxCredentials => new(Sandbox.AccessKeyId, Sandbox.SecretAccessKey);

    protected AwsJsonClient JsonClient(AwsJsonProtocol protocol, AwsCredentialsSnapshot? credentials = null, TimeProvider? time = null, AwsRetryOptions? retry = null) =>
        new(Http, protocol, Sandbox.ServiceUrl, Sandbox.Region, new StaticAwsCredentials(credentials ?? SandboxCredentials),
            time ?? TimeProvider.System, NullLogger.Instance, retry ?? FastRetry);

    protected Ssm NewSsm(AwsRetryOptions? retry = null) => new(JsonClient(AwsJsonProtocol.Ssm, retry: retry), TimeSpan.FromSeconds(10));

    protected Sqs NewSqs(string queueUrl) => new(JsonClient(AwsJsonProtocol.Sqs), queueUrl, TimeSpan.FromSeconds(10));

    protected IReadOnlyList<AwsCall> CallsOf(string operation) => [.. Sandbox.Calls.Where(c => c.Operation == operation)];

    /// <summary>Waits for a condition the sandbox reaches asynchronously; fails after a generous deadline.</summary>
    protected static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(10);
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
                Assert.Fail($"Timed out waiting for: {what}");
            await Task.Delay(10);
        }
    }
}
