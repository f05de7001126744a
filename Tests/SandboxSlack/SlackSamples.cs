using System.Text.Json.Nodes;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.SandboxSlack;

/// <summary>The published Slack payloads in Tests/Samples/slack, and shape comparison against them.</summary>
internal static class SlackSamples
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Sample("slack", name)))!.AsObject();

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
