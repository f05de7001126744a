using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>What <c>check-config --online</c> asks of the lock table (DescribeTable): that it exists and that its only
/// key is a string partition key named <see cref="LockItem.Key"/>, the one the conditional writes name.</summary>
public static class LockTableCheck
{
    /// <summary>One line about the table: what is right, or what is wrong and how to fix it.</summary>
    /// <returns>Ok false when the table is missing or has another key schema; AWS errors other than a missing table throw as <see cref="AwsException"/>.</returns>
    public static async Task<(bool Ok, string Line)> RunAsync(IAmazonDynamoDB dynamoDb, string table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        DescribeTableResponse response;
        try
        {
            response = await AwsSdkCall.RunAsync(() => dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table }, ct));
        }
        catch (AwsException e) when (e.Code == "ResourceNotFoundException")
        {
            return (false, $"no table {table} in this account and region: create it (infra/socketdeployer.yaml, LockTable) or set Aws:LockTable to its name");
        }

        var description = response.Table;
        var keys = description.KeySchema ?? [];
        var type = description.AttributeDefinitions?.FirstOrDefault(a => a.AttributeName == LockItem.Key)?.AttributeType?.Value;
        if (keys is not [{ KeyType.Value: "HASH" } key] || key.AttributeName != LockItem.Key || type != "S")
        {
            var schema = string.Join(", ", keys.Select(k => $"{k.AttributeName} ({k.KeyType?.Value})"));
            return (false, $"table {table} has key schema [{schema}]; the lock table needs exactly one string partition (HASH) key named {LockItem.Key} and no sort key");
        }

        return (true, $"{description.TableStatus?.Value ?? "status unknown"}, partition key {LockItem.Key} (string)");
    }
}
