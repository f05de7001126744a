using Amazon.Runtime;

namespace SocketDeployer.Core.Aws;

/// <summary>
/// The one seam between the AWS SDK's exceptions and <see cref="AwsException"/>, so the flow's <c>catch … when e.Code</c>
/// clauses and the troubleshooting hints read the same codes whichever client threw.
/// </summary>
public static class AwsSdkCall
{
    /// <summary>Our code for "the SDK's credential chain found nothing" (not an AWS answer: status 0).</summary>
    public const string NoCredentialsCode = "NoCredentials";

    /// <summary>What the SDK's default chain looks at, in its order; named in the error so an admin knows where to put them.</summary>
    public const string CredentialChain =
        "environment variables (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY), a shared profile (AWS_PROFILE, ~/.aws), SSO, web identity, the container (ECS) role or the EC2 instance role";

    /// <summary>Runs one SDK call, translating its failures; cancellation, timeouts and network errors pass through.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException e) when (e.ErrorCode is { Length: > 0 } || (int)e.StatusCode > 0)
        {
            throw Translate(e);
        }
        catch (AmazonClientException e) when (IsMissingCredentials(e))
        {
            throw new AwsException(NoCredentialsCode, $"no AWS credentials found; the SDK looked in {CredentialChain}", 0, null, e);
        }
    }

    /// <summary>Runs one SDK call that answers nothing the caller reads.</summary>
    public static Task RunAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>An AWS answer as <see cref="AwsException"/>: the SDK's ErrorCode (for SQS its legacy query code), status and request id.</summary>
    public static AwsException Translate(AmazonServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = (int)error.StatusCode;
        var code = error.ErrorCode is { Length: > 0 } known ? known : status >= 500 ? "InternalFailure" : $"Http{status}";
        return new AwsException(code, error.Message ?? "", status, error.RequestId, error);
    }

    // The SDK throws a plain AmazonClientException for an empty chain; its first line is the only thing that tells it apart.
    private static bool IsMissingCredentials(AmazonClientException error) =>
        error is Amazon.Runtime.CredentialManagement.ProfileNotFoundException
        || error.Message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal);
}
