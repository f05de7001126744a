namespace SocketDeployer.Tests.Aws;

/// <summary>Locates ../shared/samples beside the repository root.</summary>
internal static class AwsSamples
{
    public static string Root { get; } = Locate();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SocketDeployer.sln")))
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "samples"));
        }

        throw new DirectoryNotFoundException("No SocketDeployer.sln above the test directory.");
    }
}
