namespace SocketDeployer.Core.Aws;

/// <summary>
/// Retry settings for AWS calls. The SDK retries (its Standard mode: jittered backoff, retry quota, clock-skew
/// correction); we bound the count and log each retry (<see cref="AwsAttemptLogHandler"/>).
/// </summary>
public sealed class AwsRetryOptions
{
    /// <summary>Retries after the first attempt (the SDK's MaxErrorRetry).</summary>
    public int MaxRetryAttempts { get; init; } = 4;

    /// <summary>The codes AWS uses for throttling across services.</summary>
    public static readonly IReadOnlySet<string> ThrottlingCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException", "TooManyUpdates", "AWS.SimpleQueueService.RequestThrottled",
    };

    /// <summary>Answers no retry can change: no or refused credentials, no permission, the queue does not exist.</summary>
    public static readonly IReadOnlySet<string> PermanentCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        AwsSdkCall.NoCredentialsCode, "AccessDenied", "AccessDeniedException", "UnrecognizedClientException", "InvalidClientTokenId",
        "SignatureDoesNotMatch", "InvalidSignatureException", "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist",
    };

    /// <summary>
    /// Whether an AWS error means the daemon cannot work until someone fixes its setup. A skewed clock is not among them:
    /// the SDK corrects it and retries before a signature error reaches us.
    /// </summary>
    public static bool IsPermanent(AwsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PermanentCodes.Contains(error.Code);
    }

    /// <summary>Whether an AWS error is worth retrying: throttling, 429 or 5xx; never other 4xx (auth, validation).</summary>
    public static bool IsTransient(AwsException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ThrottlingCodes.Contains(error.Code) || error.StatusCode == 429 || error.StatusCode >= 500;
    }
}
