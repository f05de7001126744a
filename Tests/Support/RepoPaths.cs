namespace SocketDeployer.Tests.Support;

/// <summary>Finds the repository root and the published samples the tests read (Tests/Samples, each folder with its SOURCES).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.GetFullPath(Path.Combine(Root, "Tests", "Samples"));

    public static string Sample(params string[] parts) => Path.Combine([Samples, .. parts]);

    /// <summary>The Daemon project's own build output (with its deps.json and runtimeconfig), same configuration as the tests.</summary>
    public static string DaemonExecutable => BuildOutput("Daemon", "socketdeployer.dll");

    /// <summary>The Sandbox project's own build output, likewise.</summary>
    public static string SandboxExecutable => BuildOutput("Sandbox", "SocketDeployer.Sandbox.dll");

    private static string BuildOutput(string project, string dll) => Path.Combine(
        Root, project, Path.GetRelativePath(Path.Combine(Root, "Tests"), TestContext.CurrentContext.TestDirectory), dll);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocketDeployer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SocketDeployer.sln not found above the test directory");
    }
}
