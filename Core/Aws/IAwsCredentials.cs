namespace SocketDeployer.Core.Aws;

/// <summary>Source of the credentials each AWS request is signed with; asked once per request so refreshes are picked up.</summary>
public interface IAwsCredentials
{
    /// <summary>The credentials to sign the next request with.</summary>
    ValueTask<AwsCredentialsSnapshot> GetAsync(CancellationToken cancellationToken);
}

/// <summary>Fixed credentials (tests, the Sandbox).</summary>
public sealed class StaticAwsCredentials(AwsCredentialsSnapshot credentials) : IAwsCredentials
{
    /// <inheritdoc />
    public ValueTask<AwsCredentialsSnapshot> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
