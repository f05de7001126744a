using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Policy;

/// <summary>The store's conditional semantics, through the real SDK client, on the Sandbox's DynamoDB.</summary>
public class DynamoDbLockStoreTests : LockStoreSandboxTest
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    private static LockHolder Holder(string token, string service = "app") =>
        new(service, token, "U0ALICE", Since, "r-1.0.0", "T1/Ev1", Thread: "C1/1.2");

    [Test]
    public async Task A_free_lock_is_taken_once_and_read_back_whole()
    {
        var first = await Store.TryAcquireAsync(Holder("t1"), CancellationToken.None);
        var second = await Store.TryAcquireAsync(Holder("t2") with { Requester = "U0CAROL" }, CancellationToken.None);
        var held = await Store.GetAsync("app", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.True);
            Assert.That(second, Is.False, "the conditional put fails while the item exists");
            Assert.That(held, Is.EqualTo(Holder("t1")));
            Assert.That(DynamoDbCalls("PutItem")[^1].ErrorCode, Is.EqualTo("ConditionalCheckFailedException"));
            Assert.That(DynamoDbCalls("PutItem")[^1].StatusCode, Is.EqualTo(400));
            Assert.That(DynamoDbCalls("PutItem")[0].Json().GetProperty("ConditionExpression").GetString(), Is.EqualTo("attribute_not_exists(LockKey)"));
            Assert.That(DynamoDbCalls("GetItem")[^1].Json().GetProperty("ConsistentRead").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task Locks_of_different_services_are_independent_and_a_free_one_reads_null()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await Store.TryAcquireAsync(Holder("t1", "app"), CancellationToken.None), Is.True);
            Assert.That(await Store.TryAcquireAsync(Holder("t2", "ui"), CancellationToken.None), Is.True);
            Assert.That(await Store.GetAsync("api", CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task A_takeover_replaces_only_the_holder_it_read()
    {
        await Store.TryAcquireAsync(Holder("t1"), CancellationToken.None);
        var stale = Holder("t0");

        var withStaleRead = await Store.TryTakeOverAsync(stale, Holder("t2"), CancellationToken.None);
        var withFreshRead = await Store.TryTakeOverAsync(Holder("t1"), Holder("t3"), CancellationToken.None);
        var again = await Store.TryTakeOverAsync(Holder("t1"), Holder("t4"), CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(withStaleRead, Is.False);
            Assert.That(withFreshRead, Is.True);
            Assert.That(again, Is.False, "the second taker read the same old holder: it loses");
            Assert.That((await Store.GetAsync("app", CancellationToken.None))!.Token, Is.EqualTo("t3"));
        });
    }

    [Test]
    public async Task The_execution_is_recorded_on_the_holder_only()
    {
        await Store.TryAcquireAsync(Holder("t1"), CancellationToken.None);

        var ours = await Store.TryRecordExecutionAsync(Holder("t1"), "exec-1", CancellationToken.None);
        var replaced = await Store.TryRecordExecutionAsync(Holder("t9"), "exec-9", CancellationToken.None);
        var absent = await Store.TryRecordExecutionAsync(Holder("t1", "ui"), "exec-2", CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(ours, Is.True);
            Assert.That(replaced, Is.False);
            Assert.That(absent, Is.False, "an update conditional on a token never creates the item");
            Assert.That((await Store.GetAsync("app", CancellationToken.None))!.ExecutionId, Is.EqualTo("exec-1"));
            Assert.That(await Store.GetAsync("ui", CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task A_release_deletes_only_its_own_holder()
    {
        await Store.TryAcquireAsync(Holder("t1") with { ExecutionId = "exec-1" }, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await Store.TryReleaseAsync("app", "t2", CancellationToken.None), Is.False);
            Assert.That(await Store.TryReleaseExecutionAsync("app", "exec-2", CancellationToken.None), Is.False);
            Assert.That(await Store.GetAsync("app", CancellationToken.None), Is.Not.Null);
            Assert.That(await Store.TryReleaseExecutionAsync("app", "exec-1", CancellationToken.None), Is.True);
            Assert.That(await Store.GetAsync("app", CancellationToken.None), Is.Null);
            Assert.That(await Store.TryReleaseAsync("app", "t1", CancellationToken.None), Is.False, "nothing left to release");
        });
    }

    [Test]
    public async Task Of_many_simultaneous_acquirers_exactly_one_wins_every_time()
    {
        for (var round = 0; round < 10; round++)
        {
            var service = $"svc-{round}";
            var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.TryAcquireAsync(Holder($"t{i}", service), CancellationToken.None)));

            var results = await Task.WhenAll(attempts);

            Assert.That(results.Count(won => won), Is.EqualTo(1), $"round {round}");
        }
    }

    [Test]
    public async Task Of_many_simultaneous_takeovers_of_one_holder_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var old = Holder($"old-{round}");
            await Store.TryAcquireAsync(old, CancellationToken.None);
            var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.TryTakeOverAsync(old, Holder($"new-{round}-{i}"), CancellationToken.None)));

            var results = await Task.WhenAll(attempts);

            Assert.That(results.Count(won => won), Is.EqualTo(1), $"round {round}");
            await Store.TryReleaseAsync("app", (await Store.GetAsync("app", CancellationToken.None))!.Token, CancellationToken.None);
        }
    }

    [Test]
    public void A_missing_table_is_ResourceNotFoundException()
    {
        var store = new DynamoDbLockStore(Client, Options.Create(Aws("no-such-table")));

        var error = Assert.ThrowsAsync<AwsException>(() => store.GetAsync("app", CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public void A_wrong_secret_is_refused_by_the_signature_check()
    {
        using var client = NewClient("not-the-secret");
        var store = new DynamoDbLockStore(client, Options.Create(Aws(Table)));

        var error = Assert.ThrowsAsync<AwsException>(() => store.GetAsync("app", CancellationToken.None));

        Assert.That(error!.Code, Is.EqualTo("InvalidSignatureException"));
    }

    [Test]
    public async Task Throttling_and_5xx_are_retried_by_the_client()
    {
        Sandbox.FailNext("PutItem", "ProvisionedThroughputExceededException", 400);
        Sandbox.FailNext("GetItem", "InternalServerError", 500);

        var acquired = await Store.TryAcquireAsync(Holder("t1"), CancellationToken.None);
        var held = await Store.GetAsync("app", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(acquired, Is.True);
            Assert.That(held?.Token, Is.EqualTo("t1"));
            Assert.That(DynamoDbCalls("PutItem").Select(c => c.StatusCode), Is.EqualTo(new int?[] { 400, 200 }));
            Assert.That(DynamoDbCalls("GetItem").Select(c => c.StatusCode), Is.EqualTo(new int?[] { 500, 200 }));
        });
    }

    [Test]
    public void Expression_forms_the_daemon_does_not_use_are_refused()
    {
        var unsupported = new PutItemRequest
        {
            TableName = Table,
            Item = new() { ["LockKey"] = new() { S = "app" } },
            ConditionExpression = "attribute_exists(LockKey) OR size(Reason) > :n",
            ExpressionAttributeValues = new() { [":n"] = new() { N = "1" } },
        };
        var unused = new DeleteItemRequest
        {
            TableName = Table,
            Key = new() { ["LockKey"] = new() { S = "app" } },
            ConditionExpression = "attribute_not_exists(LockKey)",
            ExpressionAttributeValues = new() { [":spare"] = new() { S = "x" } },
        };
        var wrongKey = new GetItemRequest { TableName = Table, Key = new() { ["Service"] = new() { S = "app" } } };

        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => Client.PutItemAsync(unsupported))!.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => Client.DeleteItemAsync(unused))!.Message, Does.Contain("unused in expressions"));
            Assert.That(Assert.ThrowsAsync<Amazon.DynamoDBv2.AmazonDynamoDBException>(() => Client.GetItemAsync(wrongKey))!.Message, Does.Contain("does not match the schema"));
        });
    }

    [Test]
    public async Task DescribeTable_shows_the_key_schema_of_the_lock_table()
    {
        var table = (await Client.DescribeTableAsync(Table)).Table;

        Assert.Multiple(() =>
        {
            Assert.That(table.TableStatus.Value, Is.EqualTo("ACTIVE"));
            Assert.That(table.KeySchema.Single().AttributeName, Is.EqualTo("LockKey"));
            Assert.That(table.KeySchema.Single().KeyType.Value, Is.EqualTo("HASH"));
            Assert.That(table.AttributeDefinitions.Single().AttributeType.Value, Is.EqualTo("S"));
        });
    }
}
