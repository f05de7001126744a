namespace SocketDeployer.Tests.Slack;

/// <summary>Reads the published Slack samples in ../shared/samples/slack beside the repository.</summary>
internal static class SlackSamples
{
    public static string Read(string fileName)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocketDeployer.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("SocketDeployer.sln not found above the test directory");
        }

        return File.ReadAllText(Path.Combine(directory.Parent.FullName, "shared", "samples", "slack", fileName));
    }
}
