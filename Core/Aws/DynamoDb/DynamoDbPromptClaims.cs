using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Approval;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>Prompt claims as items of the lock table, keyed <c>prompt/&lt;execution id&gt;/&lt;step execution id&gt;</c> (<see cref="ClaimItems"/>).</summary>
public sealed class DynamoDbPromptClaims(IAmazonDynamoDB dynamoDb, IOptions<AwsOptions> options) : IPromptClaims
{
    private readonly ClaimItems items = new(dynamoDb, options, "prompt/");

    /// <inheritdoc />
    public async Task<PromptClaim?> ClaimAsync(string executionId, string stepKey, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        await items.ClaimAsync(Name(executionId, stepKey), owner, now, cancellationToken) is { } claim
            ? new PromptClaim(executionId, stepKey, claim.Owner, claim.Since)
            : null;

    /// <inheritdoc />
    public Task<bool> TryTakeOverAsync(PromptClaim stale, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        return items.TryTakeOverAsync(Name(stale.ExecutionId, stale.StepKey), new ClaimItem(stale.Owner, stale.Since, null), owner, now, cancellationToken);
    }

    private static string Name(string executionId, string stepKey) => $"{executionId}/{stepKey}";
}
