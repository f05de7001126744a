using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Outside;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>
/// Announcement claims as items of the lock table, keyed <c>announcement/&lt;execution id&gt;</c> (a service name has no
/// '/', so a claim never meets a lock). Same operations and conditions as the locks: a put that fails when the item
/// exists, replace/update on the owner. <c>ExpiresAt</c> (epoch seconds) lets the table's TTL remove old claims.
/// </summary>
public sealed class DynamoDbAnnouncementClaims(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : IAnnouncementClaims
{
    /// <summary>How long a claim outlives its execution's announcement: far beyond any redelivery of its events.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(14);

    private const string Prefix = "announcement/";
    private const string Owner = "Owner";
    private const string Since = "Since";
    private const string Thread = "Thread";
    private const string ExpiresAt = "ExpiresAt";
    private const string OwnerIs = "#owner = :owner";
    private static readonly Dictionary<string, string> OwnerName = new(StringComparer.Ordinal) { ["#owner"] = Owner };

    private string Table => options.Value.LockTable;

    /// <inheritdoc />
    public async Task<AnnouncementClaim?> ClaimAsync(string executionId, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var put = new PutItemRequest
        {
            TableName = Table,
            Item = Item(executionId, owner, now, null),
            ConditionExpression = $"attribute_not_exists({LockItem.Key})",
        };
        return await ConditionalWrite.SucceedsAsync(() => dynamoDb.PutItemAsync(put, cancellationToken))
            ? new AnnouncementClaim(executionId, owner, now, null)
            : await GetAsync(executionId, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryTakeOverAsync(AnnouncementClaim stale, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        return ConditionalWrite.SucceedsAsync(() => dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = Table,
                Item = Item(stale.ExecutionId, owner, now, stale.Thread),
                ConditionExpression = OwnerIs,
                ExpressionAttributeNames = OwnerName,
                ExpressionAttributeValues = OwnerValue(stale.Owner),
            },
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<bool> TryRecordThreadAsync(string executionId, string owner, string thread, CancellationToken cancellationToken) =>
        ConditionalWrite.SucceedsAsync(() => dynamoDb.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = Table,
                Key = KeyOf(executionId),
                UpdateExpression = "SET #thread = :thread",
                ConditionExpression = OwnerIs,
                ExpressionAttributeNames = new Dictionary<string, string>(OwnerName, StringComparer.Ordinal) { ["#thread"] = Thread },
                ExpressionAttributeValues = new Dictionary<string, AttributeValue>(OwnerValue(owner), StringComparer.Ordinal) { [":thread"] = new() { S = thread } },
            },
            cancellationToken));

    private async Task<AnnouncementClaim?> GetAsync(string executionId, CancellationToken cancellationToken)
    {
        var response = await AwsSdkCall.RunAsync(() => dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = Table, Key = KeyOf(executionId), ConsistentRead = true }, cancellationToken));
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new AnnouncementClaim(executionId, LockItem.Text(item, Owner) ?? "", LockItem.Instant(item, Since), LockItem.Text(item, Thread));
    }

    private static Dictionary<string, AttributeValue> KeyOf(string executionId) => LockItem.KeyOf(Prefix + executionId);

    private static Dictionary<string, AttributeValue> Item(string executionId, string owner, DateTimeOffset now, string? thread)
    {
        var item = KeyOf(executionId);
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
