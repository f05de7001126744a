using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace SocketDeployer.Core.Aws;

/// <summary>Retry settings for AWS calls: only throttling, 5xx, 429, network failures and attempt timeouts are retried.</summary>
public sealed class AwsRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>Base of the exponential backoff (jittered).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Cap of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The codes AWS uses for throttling across services.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException", "TooManyUpdates", "AWS.SimpleQueueService.RequestThrottled",
    };

    /// <summary>Whether an AWS error is worth retrying: throttling, 429 or 5xx; never other 4xx (auth, validation).</summary>
    public static bool IsTransient(AwsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ThrottlingCodes.Contains(error.Code) || error.StatusCode == 429 || error.StatusCode >= 500;
    }

    internal ResiliencePipeline Build(TimeProvider time, ILogger logger, string service) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = BaseDelay,
            MaxDelay = MaxDelay,
            ShouldHandle = new PredicateBuilder()
                .Handle<AwsException>(IsTransient)
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>(),
            OnRetry = args =>
            {
                var operation = args.Context.Properties.GetValue(AwsJsonClient.OperationKey, "?");
                AwsLog.Retrying(logger, service, operation, args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome.Exception));
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private static string Describe(Exception? error) => error switch
    {
        AwsException aws => $"{aws.Code} ({aws.StatusCode})",
        null => "no exception",
        _ => error.GetType().Name,
    };
}
