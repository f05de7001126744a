using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

/// <summary>Files of the repository under test, found from the test binaries' folder.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The first document of a YAML file; CloudFormation short-form tags stay on their nodes.</summary>
    public static YamlNode LoadYaml(string relative) => ParseYaml(Read(relative));

    public static YamlNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocketDeployer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No folder above the test binaries holds SocketDeployer.sln");
    }
}
