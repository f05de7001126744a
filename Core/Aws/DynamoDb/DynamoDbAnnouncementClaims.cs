using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Outside;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>Announcement claims as items of the lock table, keyed <c>announcement/&lt;execution id&gt;</c> (<see cref="ClaimItems"/>).</summary>
public sealed class DynamoDbAnnouncementClaims(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : IAnnouncementClaims
{
    private readonly ClaimItems items = new(dynamoDb, options, "announcement/");

    /// <inheritdoc />
    public async Task<AnnouncementClaim?> ClaimAsync(string executionId, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await items.ClaimAsync(executionId, owner, now, cancellationToken) is { } claim
            ? new AnnouncementClaim(executionId, claim.Owner, claim.Since, claim.Thread)
            : null;

    /// <inheritdoc />
    public Task<bool> TryTakeOverAsync(AnnouncementClaim stale, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        return items.TryTakeOverAsync(stale.ExecutionId, new ClaimItem(stale.Owner, stale.Since, stale.Thread), owner, now, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> TryRecordThreadAsync(string executionId, string owner, string thread, CancellationToken cancellationToken) =>
        items.TryRecordThreadAsync(executionId, owner, thread, cancellationToken);
}
