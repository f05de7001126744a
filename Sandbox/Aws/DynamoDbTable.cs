using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>One table with a string partition key and no sort key; <see cref="Gate"/> makes each operation atomic.</summary>
internal sealed class DynamoDbTable(string name, string keyName)
{
    public string Name { get; } = name;

    public string KeyName { get; } = keyName;

    public Lock Gate { get; } = new();

    /// <summary>Items by their key's string value; read and written under <see cref="Gate"/>.</summary>
    public Dictionary<string, Dictionary<string, JsonNode>> Items { get; } = new(StringComparer.Ordinal);
}
