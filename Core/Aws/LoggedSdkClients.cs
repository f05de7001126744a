using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement;
using Amazon.SQS;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Aws;

/// <summary>An SQS client whose retries are logged through ILogger (<see cref="AwsAttemptLogHandler"/>).</summary>
public sealed class LoggedSqsClient : AmazonSQSClient
{
    private readonly ILogger _logger;

    /// <summary>With <paramref name="credentials"/>, or the SDK's default chain (resolved at the first call) when null.</summary>
    public LoggedSqsClient(AWSCredentials? credentials, AmazonSQSConfig config, ILogger logger)
        : base(credentials, config) => _logger = logger;

    /// <inheritdoc />
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        // Runs inside the base constructor, before _logger is assigned: the handler reads it per call.
        pipeline.AddHandlerAfter<RetryHandler>(new AwsAttemptLogHandler("SQS", () => _logger));
    }
}

/// <summary>An SSM client whose retries are logged through ILogger (<see cref="AwsAttemptLogHandler"/>).</summary>
public sealed class LoggedSsmClient : AmazonSimpleSystemsManagementClient
{
    private readonly ILogger _logger;

    /// <summary>With <paramref name="credentials"/>, or the SDK's default chain (resolved at the first call) when null.</summary>
    public LoggedSsmClient(AWSCredentials? credentials, AmazonSimpleSystemsManagementConfig config, ILogger logger)
        : base(credentials, config) => _logger = logger;

    /// <inheritdoc />
    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandlerAfter<RetryHandler>(new AwsAttemptLogHandler("SSM", () => _logger));
        // SSM answers TooManyUpdates when tags on one execution change concurrently: a throttle the SDK does not know.
        foreach (var retry in pipeline.Handlers.OfType<RetryHandler>())
            retry.RetryPolicy.ThrottlingErrorCodes.Add("TooManyUpdates");
    }
}
