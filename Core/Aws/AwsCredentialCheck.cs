using Amazon.Runtime.Credentials;

namespace SocketDeployer.Core.Aws;

/// <summary>Whether the AWS SDK's default credential chain finds anything, asked up front so a missing one is said once.</summary>
public static class AwsCredentialCheck
{
    /// <summary>
    /// The kind of credentials the chain resolved (e.g. <c>EnvironmentVariablesAWSCredentials</c>); throws
    /// <see cref="AwsException"/> with <see cref="AwsSdkCall.NoCredentialsCode"/> when it found none, or found none within
    /// <paramref name="timeout"/> (the container and instance-role probes can take that long on a host that has neither).
    /// </summary>
    public static async Task<string> ResolveDefaultAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await AwsSdkCall.RunAsync(async () =>
            {
                var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().WaitAsync(timeout, cancellationToken);
                await credentials.GetCredentialsAsync().WaitAsync(timeout, cancellationToken);
                return credentials.GetType().Name;
            });
        }
        catch (TimeoutException e)
        {
            throw new AwsException(AwsSdkCall.NoCredentialsCode,
                $"no AWS credentials found within {timeout.TotalSeconds:0.#} s; the SDK looked in {AwsSdkCall.CredentialChain}", 0, null, e);
        }
    }
}
