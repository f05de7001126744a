namespace SocketDeployer.Core.Aws;

/// <summary>One resolved set of AWS credentials, valid for signing the request at hand.</summary>
/// <param name="AccessKeyId">The access key id (AKIA… / ASIA…).</param>
/// <param name="SecretAccessKey">The secret key; never logged.</param>
/// <param name="SessionToken">The session token of temporary credentials, else null.</param>
public sealed record AwsCredentialsSnapshot(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>Only the access key id: the record's generated ToString would print the secret.</summary>
    public override string ToString() => $"AwsCredentialsSnapshot {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
