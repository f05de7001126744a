using System.Text.Json.Nodes;

namespace SocketDeployer.Tests.SandboxSlack;

/// <summary>The published Slack payloads in ../shared/samples/slack, and shape comparison against them.</summary>
internal static class SlackSamples
{
    public static JsonObject Load(string name)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SocketDeployer.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "repo root (SocketDeployer.sln) not found above the test directory");
        var path = Path.Combine(dir!.FullName, "..", "shared", "samples", "slack", name);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>Paths of every object key in <paramref name="node"/> (arrays by their first element), e.g. <c>payload.event.ts</c>.</summary>
    public static SortedSet<string> KeyPaths(JsonNode? node, string prefix = "")
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    paths.Add(path);
                    paths.UnionWith(KeyPaths(value, path));
                }

                break;
            case JsonArray { Count: > 0 } array:
                paths.UnionWith(KeyPaths(array[0], prefix + "[]"));
                break;
        }

        return paths;
    }
}
