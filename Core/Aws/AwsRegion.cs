using Amazon.Runtime;

namespace SocketDeployer.Core.Aws;

/// <summary>Decides the AWS region the clients sign for and derive endpoints from.</summary>
public static class AwsRegion
{
    /// <summary>
    /// <paramref name="configured"/> (Aws:Region) when set, else the AWS SDK's region chain, else AWS_DEFAULT_REGION
    /// (which the SDK's chain ignores); throws <see cref="InvalidOperationException"/> naming the key when none is found.
    /// </summary>
    public static string Resolve(string? configured) => Resolve(configured, FromSdk, Environment.GetEnvironmentVariable);

    internal static string Resolve(string? configured, Func<string?> sdk, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Trim();
        var region = sdk();
        if (!string.IsNullOrWhiteSpace(region))
            return region;
        region = environment("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(region))
            return region.Trim();
        throw new InvalidOperationException(
            "Aws:Region: no AWS region configured. Set Aws:Region (or Aws__Region), AWS_REGION, AWS_DEFAULT_REGION or a profile region.");
    }

    private static string? FromSdk()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
#pragma warning disable CA1031 // The SDK's chain throws assorted exceptions when nothing is configured; that just means "not found here".
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
