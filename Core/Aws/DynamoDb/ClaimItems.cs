using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>One claim as the lock table holds it: who made it, when, and what it has recorded since.</summary>
internal sealed record ClaimItem(string Owner, DateTimeOffset Since, string? Thread);

/// <summary>
/// "Who does this once" claims as items of the lock table, keyed <c>&lt;prefix&gt;&lt;name&gt;</c> (a service name has
/// no '/', so a claim never meets a lock). Same operations and conditions as the locks: a put that fails when the item
/// exists, replace/update on the owner. <c>ExpiresAt</c> (epoch seconds) lets the table's TTL remove old claims.
/// </summary>
internal sealed class ClaimItems(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options, string prefix)
{
    /// <summary>How long a claim outlives what it decided: far beyond any redelivery of its events.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(14);

    private const string Owner = "Owner";
    private const string Since = "Since";
    private const string Thread = "Thread";
    private const string ExpiresAt = "ExpiresAt";
    private const string OwnerIs = "#owner = :owner";
    private static readonly Dictionary<string, string> OwnerName = new(StringComparer.Ordinal) { ["#owner"] = Owner };

    private string Table => options.Value.LockTable;

    /// <summary>The caller's new claim, or the one made before it (null if that vanished meanwhile).</summary>
    public async Task<ClaimItem?> ClaimAsync(string name, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var put = new PutItemRequest
        {
            TableName = Table,
            Item = Item(name, owner, now, null),
            ConditionExpression = $"attribute_not_exists({LockItem.Key})",
        };
        return await ConditionalWrite.SucceedsAsync(() => dynamoDb.PutItemAsync(put, cancellationToken))
            ? new ClaimItem(owner, now, null)
            : await GetAsync(name, cancellationToken);
    }

    /// <summary>Replaces <paramref name="stale"/> when the store still holds that owner's claim.</summary>
    public Task<bool> TryTakeOverAsync(string name, ClaimItem stale, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = Table,
                Item = Item(name, owner, now, stale.Thread),
                ConditionExpression = OwnerIs,
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = OwnerValue(stale.Owner),
            },
            cancellationToken));

    /// <summary>Records <paramref name="thread"/> on the claim while it is still <paramref name="owner"/>'s.</summary>
    public Task<bool> TryRecordThreadAsync(string name, string owner, string thread, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = Table,
                Key = KeyOf(name),
                UpdateExpression = "SET #thread = :thread",
                ConditionExpression = OwnerIs,
                ExpressionAttributeNames = new Dictionary<string, string>(OwnerName, StringComparer.Ordinal) { ["#thread"] = Thread },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(OwnerValue(owner), StringComparer.Ordinal) { [":thread"] = new() { S = thread } },
            },
            cancellationToken));

    private async Task<ClaimItem?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var response = await AwsSdkCall.RunAsync(() => dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = Table, Key = KeyOf(name), ConsistentRead = true }, cancellationToken));
        return response.Item is { Count: > 0 } item
            ? new ClaimItem(LockItem.Text(item, Owner) ?? "", LockItem.Instant(item, Since), LockItem.Text(item, Thread))
            : null;
    }

    private Dictionary<string, AttributeValue> KeyOf(string name) => LockItem.KeyOf(prefix + name);

    private Dictionary<string, AttributeValue> Item(string name, string owner, DateTimeOffset now, string? thread)
    {
        var item = KeyOf(name);
        item[Owner] = new() { S = owner };
        item[Since] = new() { S = now.ToString("O", CultureInfo.InvariantCulture) };
        item[ExpiresAt] = new() { N = (now + Keep).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrEmpty(thread))
        {
            item[Thread] = new() { S = thread };
        }

        return item;
    }

    private static Dictionary<string, AttributeValue> OwnerValue(string owner) =>
        new(StringComparer.Ordinal) { [":owner"] = new() { S = owner } };
}
