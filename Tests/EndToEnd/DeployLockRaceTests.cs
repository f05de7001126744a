using Amazon.Runtime;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>
/// One release per service, however the requests arrive: simultaneous mentions on every Socket Mode connection of
/// one daemon, and of two daemons sharing the queue and the lock table, start exactly one execution, and every
/// requester gets an answer. Each race runs several rounds; between rounds the execution ends without an event on the
/// queue, so every round after the first also races the takeover of a stale lock.
/// </summary>
public class DeployLockRaceTests : SandboxTest
{
    private const int Rounds = 5;
    private static readonly string[] Requesters = [Alice, Carol, Alice, Carol];

    [Test]
    public async Task SimultaneousRequestsOnBothConnectionsOfOneDaemonStartOneExecution()
    {
        await RaceAsync(Slack.OpenConnectionIndexes);
    }

    [Test]
    public async Task SimultaneousRequestsOnTwoDaemonsSharingTheQueueStartOneExecution()
    {
        await using var second = DaemonInstance.Start(Env, Logs.AddTo);
        await Slack.WaitForConnectionsAsync(4, Wait);

        await RaceAsync(Slack.OpenConnectionIndexes);
    }

    [Test]
    public async Task SimultaneousRequestsOnTwoDaemonProcessesStartOneExecution()
    {
        // The executable as its own process beside the in-process daemon: nothing process-local can serialise them.
        await using var second = DaemonProcess.Start(Env);
        await Slack.WaitForConnectionsAsync(4, TimeSpan.FromSeconds(60)); // a process starts slower than a host in this one

        await RaceAsync(Slack.OpenConnectionIndexes);
    }

    [Test]
    public async Task AHolderThatDiedBeforeStartingIsTakenOverOnceItsGraceIsOver()
    {
        await SeedLockAsync(DateTimeOffset.UtcNow - StaleLockCheck.StartGrace - TimeSpan.FromSeconds(5));

        var ts = await Say(Alice, "deploy app r-99.1.0");
        var reply = await BotReplyIn(ts);

        var execution = Env.Aws.Executions.Single();
        await WaitUntilAsync(() => LockItem()?.GetValueOrDefault("ExecutionId") == execution.Id);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith(":rocket:"));
            Assert.That(LockItem()!["Requester"], Is.EqualTo(Alice));
            Assert.That(Logs.Records.Any(r => r.EventId == 2301 && r.Message.Contains("Took over the lock of app from U0CAROL", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task AHolderStillInItsGraceHoldsAndTheRefusalSaysWhoAndSince()
    {
        var since = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(30);
        await SeedLockAsync(since);

        var ts = await Say(Alice, "deploy app r-99.1.0");
        var reply = await BotReplyIn(ts);

        Assert.Multiple(() =>
        {
            Assert.That(Env.Aws.Executions, Is.Empty);
            Assert.That(reply.Text, Does.Contain("already being deployed `r-98.0.0` by <@U0CAROL>")
                .And.Contain($"since {since.UtcDateTime:HH:mm} UTC").And.Contain("its execution is starting"));
            Assert.That(LockItem()!["Requester"], Is.EqualTo(Carol), "the holder is untouched");
        });
    }

    [Test]
    public async Task AFailedStartGivesTheLockBack()
    {
        Env.Aws.FailNext("StartAutomationExecution", "AccessDeniedException", 400);

        var first = await Say(Alice, "deploy app r-99.1.0");
        var failed = await BotReplyIn(first);
        var second = await Say(Carol, "deploy app r-99.1.1");
        var started = await BotReplyIn(second);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Text, Does.StartWith(":x: Could not start"));
            Assert.That(started.Text, Does.StartWith(":rocket:"));
            Assert.That(Env.Aws.Executions, Has.Count.EqualTo(1));
        });
    }

    private async Task RaceAsync(IReadOnlyList<int> connections)
    {
        Assert.That(connections, Has.Count.GreaterThanOrEqualTo(2), "each request on its own connection");
        string? previous = null;
        for (var round = 0; round < Rounds; round++)
        {
            if (previous is not null)
            {
                // Ended, and no event says so: the lock still names it and must be taken over by compare-and-set.
                Env.Aws.SetStatus(previous, "Success");
            }

            var before = Env.Aws.Executions.Count;
            var mentions = connections.Select((connection, i) => Slack.MentionOnConnectionAsync(
                DeployChannel, Requesters[i % Requesters.Length], $"deploy app r-{round}.{i}.0", connection));
            var threads = (await Task.WhenAll(mentions)).Select(m => m.Ts).ToList();
            var replies = await Task.WhenAll(threads.Select(ts => BotReplyIn(ts)));

            var started = Env.Aws.Executions.Skip(before).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(started, Has.Count.EqualTo(1), $"round {round}: executions started");
                Assert.That(replies.Count(r => r.Text.StartsWith(":rocket:", StringComparison.Ordinal)), Is.EqualTo(1), $"round {round}: start replies");
                Assert.That(replies.Count(r => r.Text.Contains("already being deployed", StringComparison.Ordinal)), Is.EqualTo(connections.Count - 1), $"round {round}: lock refusals");
            });
            previous = started[0].Id;
            await WaitUntilAsync(() => LockItem()?.GetValueOrDefault("ExecutionId") == previous);
        }

        Assert.That(Env.Aws.Executions, Has.Count.EqualTo(Rounds));
    }

    private IReadOnlyDictionary<string, string>? LockItem() =>
        Env.ServiceLocks.SingleOrDefault(i => i["LockKey"] == "app");

    /// <summary>A lock as an acquirer leaves it when it dies between the conditional put and StartAutomationExecution.</summary>
    private async Task SeedLockAsync(DateTimeOffset since)
    {
        var options = new AwsOptions { Region = Env.Aws.Region, DynamoDbServiceUrl = Env.Aws.ServiceUrl };
        using var client = DynamoDbClientFactory.Create(options, new BasicAWSCredentials(Env.Aws.AccessKeyId, Env.Aws.SecretAccessKey));
        var store = new DynamoDbLockStore(client, Options.Create(options));
        var holder = new LockHolder("app", "dead-acquirer", Carol, since, "r-98.0.0", "T0SANDBOX/Ev0DEAD", Thread: $"{DeployChannel}/1.0");
        Assert.That(await store.TryAcquireAsync(holder, CancellationToken.None), Is.True);
    }
}
