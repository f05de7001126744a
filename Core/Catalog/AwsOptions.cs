using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Catalog;

/// <summary>The <c>Aws</c> configuration section.</summary>
public sealed class AwsOptions
{
    public const string Section = "Aws";

    /// <summary>Region; when empty the AWS SDK's region chain decides.</summary>
    public string? Region { get; set; }

    /// <summary>The queue EventBridge and the automations write to.</summary>
    public Uri? QueueUrl { get; set; }

    /// <summary>SQS endpoint override (VPC endpoint, Sandbox); QueueUrl is still sent unchanged.</summary>
    public Uri? SqsServiceUrl { get; set; }

    /// <summary>SSM endpoint override (VPC endpoint, Sandbox).</summary>
    public Uri? SsmServiceUrl { get; set; }

    /// <summary>DynamoDB endpoint override (VPC endpoint, Sandbox) for the lock table.</summary>
    public Uri? DynamoDbServiceUrl { get; set; }

    /// <summary>The DynamoDB table holding one lock item per service (string partition key <c>LockKey</c>, no sort key).</summary>
    [Required]
    [RegularExpression("^[a-zA-Z0-9_.-]{3,255}$", ErrorMessage = "Aws:LockTable must be a DynamoDB table name (3-255 of a-z A-Z 0-9 _ . -).")]
    public string LockTable { get; set; } = "socketdeployer-locks";

    /// <summary>Timeout for one AWS call other than the long poll.</summary>
    [DurationRange("00:00:01", "00:05:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
