using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Aws;

/// <summary>The published samples in Tests/Samples.</summary>
internal static class AwsSamples
{
    public static string Root => RepoPaths.Samples;

    public static string Path(params string[] parts) => RepoPaths.Sample(parts);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));
}
