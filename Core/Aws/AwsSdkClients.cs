using Amazon;
using Amazon.Runtime;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws;

/// <summary>How every AWS SDK client of the daemon is configured: endpoint, signing region, per-attempt timeout, retries.</summary>
public static class AwsSdkClients
{
    /// <summary>
    /// Points <paramref name="config"/> at <paramref name="serviceUrl"/> (a VPC endpoint, the Sandbox) or else the region's
    /// public endpoint; bounds each attempt by <paramref name="attemptTimeout"/>; lets the SDK retry (Standard mode:
    /// jittered backoff, retry quota, clock-skew correction) at most <see cref="AwsRetryOptions.MaxRetryAttempts"/> times.
    /// </summary>
    public static T Configure<T>(T config, Uri? serviceUrl, string region, TimeSpan attemptTimeout, AwsRetryOptions? retry = null)
        where T : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        if (serviceUrl is not null)
        {
            // Setting RegionEndpoint after ServiceURL would clear ServiceURL, so the region goes to AuthenticationRegion:
            // without it the SDK signs for us-east-1 whatever Aws:Region says.
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        config.Timeout = attemptTimeout;
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = (retry ?? new AwsRetryOptions()).MaxRetryAttempts;
        return config;
    }

    /// <summary>The region from <see cref="AwsOptions.Region"/>, the SDK's chain or AWS_DEFAULT_REGION (see <see cref="AwsRegion"/>).</summary>
    public static string Region(AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AwsRegion.Resolve(options.Region);
    }
}
