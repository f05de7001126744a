using Amazon.Runtime.Credentials;

namespace SocketDeployer.Core.Aws;

/// <summary>
/// The AWS SDK's default credential chain (environment, profile, SSO, web identity, ECS, EC2 instance role).
/// The resolver and the credentials it returns cache and refresh themselves, so asking per request is cheap and never stale.
/// </summary>
public sealed class AwsSdkCredentials : IAwsCredentials
{
    /// <inheritdoc />
    public async ValueTask<AwsCredentialsSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().WaitAsync(cancellationToken);
        var immutable = await credentials.GetCredentialsAsync().WaitAsync(cancellationToken);
        return new AwsCredentialsSnapshot(
            immutable.AccessKey, immutable.SecretKey, string.IsNullOrEmpty(immutable.Token) ? null : immutable.Token);
    }
}
