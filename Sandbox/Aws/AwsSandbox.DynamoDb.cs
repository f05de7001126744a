using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

public sealed partial class AwsSandbox
{
    private DynamoDbSandbox? _dynamoDb;

    private DynamoDbSandbox DynamoDb => _dynamoDb ??= new DynamoDbSandbox(_options);

    /// <summary>Creates a DynamoDB table with a string partition key (no sort key), as the lock table is defined.</summary>
    public void CreateTable(string name, string partitionKey) => DynamoDb.CreateTable(name, partitionKey);

    /// <summary>The items of a table, each attribute as its string value (<c>S</c>) or, for other types, its JSON.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Items(string table) =>
        [.. DynamoDb.Items(table).Select(item => (IReadOnlyDictionary<string, string>)item.ToDictionary(
            a => a.Key, a => a.Value["S"]?.GetValue<string>() ?? a.Value.ToJsonString(), StringComparer.Ordinal))];

    /// <summary>Sets one string attribute of an item (a control, not a DynamoDB call): fault scenarios age a lock with it
    /// instead of waiting out its grace. False when the item does not exist.</summary>
    public bool SetItemAttribute(string table, string key, string attribute, string value) => DynamoDb.SetAttribute(table, key, attribute, value);

    /// <summary>Raw attribute JSON of a table's items, for tests of other attribute types.</summary>
    internal IReadOnlyList<IReadOnlyDictionary<string, JsonNode>> RawItems(string table) => DynamoDb.Items(table);
}
