using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

/// <summary>Small navigation helpers over YamlDotNet's representation model.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            current = current.Get(key) ?? throw new AssertionException($"missing key '{string.Join('.', path)}' (at '{key}')");
        }

        return current;
    }

    public static string? Scalar(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>A scalar as a one-element list, a sequence as its scalars.</summary>
    public static IEnumerable<string> Scalars(this YamlNode? node) => node switch
    {
        YamlScalarNode scalar when scalar.Value is not null => [scalar.Value],
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value!).Where(v => v is not null),
        _ => [],
    };

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, kv.Value))
            : [];

    /// <summary>Every node in the tree, depth first.</summary>
    public static IEnumerable<YamlNode> Descendants(this YamlNode node) => node.AllNodes;
}
