using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Core.Aws;

/// <summary>
/// Sits inside the SDK's retry loop and logs each retry in one line (service, operation, the failure that caused it,
/// how long the SDK backed off), since the SDK itself logs nothing through ILogger. It logs when the next attempt
/// starts, so a line means the SDK really retried, never a guess about what it will decide. Added after the SDK's
/// RetryHandler by each client's CustomizeRuntimePipeline.
/// </summary>
public sealed class AwsAttemptLogHandler(string service, Func<ILogger> logger) : PipelineHandler
{
    private const string LastFailureKey = "SocketDeployer.LastFailure";

    /// <inheritdoc />
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext;
        var operation = Operation(request.RequestName);
        if (request.Retries > 0 && request.ContextAttributes.TryGetValue(LastFailureKey, out var value) && value is Failure last)
        {
            AwsLog.Retrying(logger(), service, operation, request.Retries, request.ClientConfig.MaxErrorRetry,
                Stopwatch.GetElapsedTime(last.At).TotalSeconds, last.Reason);
        }

        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var reason = Describe(e);
            request.ContextAttributes[LastFailureKey] = new Failure(reason, Stopwatch.GetTimestamp());
            AwsLog.AttemptFailed(logger(), service, operation, request.Retries + 1, reason);
            throw;
        }
    }

    /// <summary>A failure in a few words: the AWS code and status, or the exception's type; never a stack trace.</summary>
    internal static string Describe(Exception error) => error switch
    {
        AmazonServiceException { ErrorCode: { Length: > 0 } code } aws => $"{code} {(int)aws.StatusCode}",
        AmazonServiceException aws when (int)aws.StatusCode > 0 => $"HTTP {(int)aws.StatusCode}",
        AmazonServiceException { InnerException: { } inner } => inner.GetType().Name,
        _ => error.GetType().Name,
    };

    private static string Operation(string? requestName) =>
        requestName is { } name && name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : requestName ?? "?";

    private sealed record Failure(string Reason, long At);
}
