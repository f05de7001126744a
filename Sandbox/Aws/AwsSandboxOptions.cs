namespace SocketDeployer.Sandbox.Aws;

/// <summary>Settings of an <see cref="AwsSandbox"/>.</summary>
public sealed class AwsSandboxOptions
{
    /// <summary>The only access key the endpoint accepts.</summary>
    public string AccessKeyId { get; init; } = "AKIDSANDBOX000000001";

    /// <summary>Its secret.</summary>
    public string SecretAccessKey { get; init; } = "sandbox/secret/K7MDENG+bPxRfiCYSANDBOXKEY";

    /// <summary>When set, requests must carry this X-Amz-Security-Token; when null, a request carrying one is refused.</summary>
    public string? SessionToken { get; init; }

    /// <summary>The region requests must be signed for.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in queue URLs and ARNs.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Clock of the endpoint: signature expiry, visibility timeouts, long polls, the automation runner.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How far X-Amz-Date may be from the endpoint's clock (AWS: 5 minutes).</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound of a DescribeAutomationExecutions page, to exercise paging with few executions.</summary>
    public int MaxPageSize { get; init; } = 50;
}
