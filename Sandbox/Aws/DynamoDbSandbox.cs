using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>
/// The DynamoDB side of the sandbox (AWS JSON 1.0, <c>DynamoDB_20120810.*</c>): PutItem, GetItem, DeleteItem and
/// UpdateItem with the condition forms of <see cref="DynamoDbExpressions"/>, and DescribeTable. Each operation on a
/// table runs under that table's lock, so conditional writes are atomic as DynamoDB's are.
/// </summary>
internal sealed class DynamoDbSandbox(AwsSandboxOptions options) : IAwsSandboxService
{
    private readonly Dictionary<string, DynamoDbTable> _tables = new(StringComparer.Ordinal);

    public string TargetPrefix => "DynamoDB_20120810";

    public string SigningName => "dynamodb";

    public string ContentType => "application/x-amz-json-1.0";

    public bool QueryCompatible => false;

    public string ErrorNamespace => "com.amazonaws.dynamodb.v20120810";

    public void CreateTable(string name, string keyName)
    {
        lock (_tables)
            _tables.TryAdd(name, new DynamoDbTable(name, keyName));
    }

    /// <summary>A copy of every item of a table, attributes as their JSON (<c>{"S":"…"}</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, JsonNode>> Items(string table)
    {
        var t = Table(table);
        lock (t.Gate)
            return [.. t.Items.Values.Select(item => (IReadOnlyDictionary<string, JsonNode>)item.ToDictionary(a => a.Key, a => a.Value.DeepClone(), StringComparer.Ordinal))];
    }

    /// <summary>Sets one string attribute of an existing item, as another writer (or the passing of time) would have; false when there is no such item.</summary>
    public bool SetAttribute(string table, string key, string attribute, string value)
    {
        var t = Table(table);
        lock (t.Gate)
        {
            if (!t.Items.TryGetValue(key, out var item))
                return false;
            item[attribute] = new JsonObject { ["S"] = value };
            return true;
        }
    }

    public Task<JsonObject> HandleAsync(string operation, JsonElement body, CancellationToken cancellationToken) => Task.FromResult(operation switch
    {
        "PutItem" => PutItem(body),
        "GetItem" => GetItem(body),
        "DeleteItem" => DeleteItem(body),
        "UpdateItem" => UpdateItem(body),
        "DescribeTable" => DescribeTable(body),
        _ => throw new AwsSandboxError("UnknownOperationException", $"The Sandbox does not implement DynamoDB {operation}."),
    });

    private JsonObject PutItem(JsonElement body)
    {
        var table = Table(body.String("TableName"));
        var item = Attributes(body, "Item");
        var key = KeyValue(table, item, exact: false);
        var expressions = new DynamoDbExpressions(body);
        var condition = expressions.Condition(body.String("ConditionExpression"));
        expressions.CheckAllUsed();
        lock (table.Gate)
        {
            if (!condition(table.Items.GetValueOrDefault(key)))
                throw DynamoDbErrors.ConditionalCheckFailed();
            table.Items[key] = item;
        }

        return [];
    }

    private JsonObject GetItem(JsonElement body)
    {
        var table = Table(body.String("TableName"));
        var key = KeyValue(table, Attributes(body, "Key"), exact: true);
        lock (table.Gate)
        {
            if (!table.Items.TryGetValue(key, out var item))
                return [];
            var copy = new JsonObject();
            foreach (var (name, value) in item)
                copy[name] = value.DeepClone();
            return new JsonObject { ["Item"] = copy };
        }
    }

    private JsonObject DeleteItem(JsonElement body)
    {
        var table = Table(body.String("TableName"));
        var key = KeyValue(table, Attributes(body, "Key"), exact: true);
        var expressions = new DynamoDbExpressions(body);
        var condition = expressions.Condition(body.String("ConditionExpression"));
        expressions.CheckAllUsed();
        lock (table.Gate)
        {
            if (!condition(table.Items.GetValueOrDefault(key)))
                throw DynamoDbErrors.ConditionalCheckFailed();
            table.Items.Remove(key);
        }

        return [];
    }

    private JsonObject UpdateItem(JsonElement body)
    {
        var table = Table(body.String("TableName"));
        var keyAttributes = Attributes(body, "Key");
        var key = KeyValue(table, keyAttributes, exact: true);
        var expressions = new DynamoDbExpressions(body);
        var condition = expressions.Condition(body.String("ConditionExpression"));
        var updates = expressions.Update(body.String("UpdateExpression"));
        expressions.CheckAllUsed();
        if (updates.Any(u => u.Name == table.KeyName))
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Cannot update attribute {table.KeyName}. This attribute is part of the key");
        lock (table.Gate)
        {
            var current = table.Items.GetValueOrDefault(key);
            if (!condition(current))
                throw DynamoDbErrors.ConditionalCheckFailed();
            var item = current ?? keyAttributes;
            foreach (var (name, value) in updates)
                item[name] = value;
            table.Items[key] = item;
        }

        return [];
    }

    private JsonObject DescribeTable(JsonElement body)
    {
        // DescribeTable names the missing table in its message; the item calls do not.
        var name = body.String("TableName");
        lock (_tables)
        {
            if (!string.IsNullOrEmpty(name) && !_tables.ContainsKey(name))
                throw DynamoDbErrors.TableNotFound(name);
        }

        var table = Table(name);
        int count;
        lock (table.Gate)
            count = table.Items.Count;
        return new JsonObject
        {
            ["Table"] = new JsonObject
            {
                ["TableName"] = table.Name,
                ["TableArn"] = $"arn:aws:dynamodb:{options.Region}:{options.AccountId}:table/{table.Name}",
                ["TableStatus"] = "ACTIVE",
                ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = table.KeyName, ["KeyType"] = "HASH" }),
                ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = table.KeyName, ["AttributeType"] = "S" }),
                ["BillingModeSummary"] = new JsonObject { ["BillingMode"] = "PAY_PER_REQUEST" },
                ["ItemCount"] = count,
            },
        };
    }

    private DynamoDbTable Table(string? name)
    {
        if (string.IsNullOrEmpty(name))
            throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        lock (_tables)
            return _tables.TryGetValue(name, out var table) ? table : throw DynamoDbErrors.ResourceNotFound();
    }

    private static Dictionary<string, JsonNode> Attributes(JsonElement body, string member)
    {
        if (!body.TryGetProperty(member, out var attributes) || attributes.ValueKind != JsonValueKind.Object)
            throw DynamoDbErrors.Validation($"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0])}{member[1..]}' failed to satisfy constraint: Member must not be null");
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var attribute in attributes.EnumerateObject())
        {
            if (attribute.Value.ValueKind != JsonValueKind.Object || attribute.Value.EnumerateObject().Count() != 1)
                throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            if (attribute.Value.TryGetProperty("S", out var s) && s.GetString() is "" && member == "Key")
                throw DynamoDbErrors.Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: {attribute.Name}");
            result[attribute.Name] = JsonNode.Parse(attribute.Value.GetRawText())!;
        }

        return result;
    }

    /// <summary>The string value of the key attribute; a Key must name exactly the key, an Item must contain it.</summary>
    private static string KeyValue(DynamoDbTable table, Dictionary<string, JsonNode> attributes, bool exact)
    {
        if (!attributes.TryGetValue(table.KeyName, out var key))
            throw exact ? DynamoDbErrors.KeyMismatch() : DynamoDbErrors.Validation($"One or more parameter values were invalid: Missing the key {table.KeyName} in the item");
        if (exact && attributes.Count != 1)
            throw DynamoDbErrors.KeyMismatch();
        return key["S"]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw DynamoDbErrors.Validation($"One or more parameter values were invalid: Type mismatch for key {table.KeyName} expected: S actual: {string.Join(",", key.AsObject().Select(p => p.Key))}");
    }
}
