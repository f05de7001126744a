namespace SocketDeployer.Core.Aws;

/// <summary>How one AWS service speaks the AWS JSON protocol: signing name, X-Amz-Target prefix and content type.</summary>
/// <param name="SigningName">The SigV4 service name, also the endpoint prefix (<c>ssm</c>, <c>sqs</c>).</param>
/// <param name="TargetPrefix">The X-Amz-Target prefix (<c>AmazonSSM</c>, <c>AmazonSQS</c>).</param>
/// <param name="ContentType">application/x-amz-json-1.0 or 1.1.</param>
public sealed record AwsJsonProtocol(string SigningName, string TargetPrefix, string ContentType)
{
    /// <summary>AWS Systems Manager: AWS JSON 1.1.</summary>
    public static readonly AwsJsonProtocol Ssm = new("ssm", "AmazonSSM", "application/x-amz-json-1.1");

    /// <summary>Amazon SQS: AWS JSON 1.0.</summary>
    public static readonly AwsJsonProtocol Sqs = new("sqs", "AmazonSQS", "application/x-amz-json-1.0");

    /// <summary>The regional public endpoint, used when no override URL is configured.</summary>
    public Uri RegionalEndpoint(string region) => new($"https://{SigningName}.{region}.amazonaws.com/");
}
