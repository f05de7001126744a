using System.Collections.Frozen;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>
/// Service locks as items of the <c>Aws:LockTable</c> table (string partition key <c>LockKey</c> = the service name).
/// Every write is conditional: a put that fails when the item exists, and replace/update/delete conditions on the
/// holder's token (or execution id), so a lock is never overwritten blindly.
/// </summary>
public sealed class DynamoDbLockStore(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : ILockStore
{
    /// <summary>The DynamoDB operations the daemon calls on the table: this store's, and DescribeTable of
    /// <c>check-config --online</c> (<see cref="LockTableCheck"/>). The IAM policy grants exactly these on the table.</summary>
    public static readonly FrozenSet<string> Operations = new[] { "PutItem", "UpdateItem", "DeleteItem", "GetItem", "DescribeTable" }.ToFrozenSet(StringComparer.Ordinal);

    private const string TokenIs = "#token = :token";
    private static readonly Dictionary<string, string> TokenName = new(StringComparer.Ordinal) { ["#token"] = LockItem.Token };

    private string Table => options.Value.LockTable;

    /// <inheritdoc />
    public Task<bool> TryAcquireAsync(LockHolder holder, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = Table,
                Item = LockItem.From(holder),
                ConditionExpression = $"attribute_not_exists({LockItem.Key})",
            },
            cancellationToken));

    /// <inheritdoc />
    public Task<bool> TryTakeOverAsync(LockHolder previous, LockHolder next, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = Table,
                Item = LockItem.From(next),
                ConditionExpression = TokenIs,
                ExpressionAttributeNames = TokenName,
                ExpressionAttributeValues = TokenValue(previous.Token),
            },
            cancellationToken));

    /// <inheritdoc />
    public Task<bool> TryRecordExecutionAsync(LockHolder holder, string executionId, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = Table,
                Key = LockItem.KeyOf(holder.Service),
                UpdateExpression = "SET #execution = :execution",
                ConditionExpression = TokenIs,
                ExpressionAttributeNames = new Dictionary<string, string>(TokenName, StringComparer.Ordinal) { ["#execution"] = LockItem.ExecutionId },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(TokenValue(holder.Token), StringComparer.Ordinal)
                {
                    [":execution"] = new() { S = executionId },
                },
            },
            cancellationToken));

    /// <inheritdoc />
    public Task<bool> TryReleaseAsync(string service, string token, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.DeleteItemAsync(
            new DeleteItemRequest
            {
                TableName = Table,
                Key = LockItem.KeyOf(service),
                ConditionExpression = TokenIs,
                ExpressionAttributeNames = TokenName,
                ExpressionAttributeValues = TokenValue(token),
            },
            cancellationToken));

    /// <inheritdoc />
    public Task<bool> TryReleaseExecutionAsync(string service, string executionId, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.DeleteItemAsync(
            new DeleteItemRequest
            {
                TableName = Table,
                Key = LockItem.KeyOf(service),
                ConditionExpression = "#execution = :execution",
                ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#execution"] = LockItem.ExecutionId },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":execution"] = new() { S = executionId } },
            },
            cancellationToken));

    /// <inheritdoc />
    public async Task<LockHolder?> GetAsync(string service, CancellationToken cancellationToken)
    {
        var response = await AwsSdkCall.RunAsync(() => dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = Table, Key = LockItem.KeyOf(service), ConsistentRead = true },
            cancellationToken));
        return response.Item is { Count: > 0 } item ? LockItem.ToHolder(item) : null;
    }

    private static Dictionary<string, AttributeValue> TokenValue(string token) =>
        new(StringComparer.Ordinal) { [":token"] = new() { S = token } };

}
