using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Slack;

/// <summary>Reads the published Slack samples in Tests/Samples/slack (origins in its SOURCES.md).</summary>
internal static class SlackSamples
{
    public static string Read(string fileName) => File.ReadAllText(RepoPaths.Sample("slack", fileName));
}
