using System.Collections.Concurrent;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Outside;
using SocketDeployer.Sandbox.Environment;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>One announcement per outside execution, whoever sees its events: two daemons sharing the queue with every
/// event delivered three times (SQS is at-least-once), and an instance that died holding the announcement's claim.</summary>
public class OutsideAnnouncementTests : SandboxTest
{
    protected override bool RunAutomations => true;

    private async Task<string> StartGateAsync(string summary)
    {
        using var ssm = SandboxClients.Ssm(Env.Aws);
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["Service"] = ["app"], ["Summary"] = [summary], ["RequestedBy"] = ["alice@example.com"],
        };
        return await ssm.StartAutomationExecutionAsync(
            new StartAutomationRequest(SandboxDocuments.GateDocument, SandboxDocuments.GateVersion, parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>()),
            CancellationToken.None);
    }

    private IReadOnlyList<SlackMessageRecord> Announcements(string marker) =>
        [.. Slack.Messages(DeployChannel).Where(m => m.IsBot && (m.ThreadTs is null || m.ThreadTs == m.Ts) && m.Text.Contains(marker, StringComparison.Ordinal))];

    // The status reply is edited as the gate moves: what was posted is in the Web API calls.
    private List<SlackApiCall> StatusReplies(string threadTs) =>
        [.. Slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Ok
            && c.Arguments["thread_ts"]?.GetValue<string>() == threadTs
            && c.Arguments["text"]?.GetValue<string>()?.StartsWith(":eyes: Following execution", StringComparison.Ordinal) == true)];

    private Task<SlackMessageRecord> PromptIn(string ts) =>
        BotReplyIn(ts, m => m.Blocks?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true);

    private async Task ApproveAsync(string id, string threadTs)
    {
        var prompt = await PromptIn(threadTs);
        await Slack.ClickButtonAsync(Bob, prompt.Channel, prompt.Ts, ApprovalMessages.ApproveAction, ApprovalMessages.ButtonValue(id, "approve"));
        await WaitUntilAsync(() => Env.Aws.Execution(id).Status == "Success");
        await BotReplyIn(threadTs, m => m.Text.StartsWith(":tada:", StringComparison.Ordinal));
    }

    [Test]
    public async Task TwoDaemonsReceivingEveryEventThreeTimesAnnounceTheGateOnce()
    {
        await using var second = DaemonInstance.Start(Env, Logs.AddTo);
        await Slack.WaitForConnectionsAsync(4, Wait);
        var bodies = new ConcurrentQueue<string>();
        Env.Aws.MessageSent += (queue, body) =>
        {
            if (queue == Env.QueueUrl)
            {
                bodies.Enqueue(body);
            }
        };

        // The announcer is held while it resolves the requester, after it claimed the execution. Meanwhile every
        // event is delivered again, round after round, until the other daemon has found the claim taken: copies the
        // announcer's daemon takes wait on its per-execution lock and fill its handlers, so the other one gets the rest.
        Slack.SlowNext("users.lookupByEmail", Wait);
        var id = await StartGateAsync("Twice delivered");
        Assert.That(await Slack.WaitUntilHeldBackAsync("users.lookupByEmail", Wait), Is.True, "the announcer resolves the requester");
        bool CopyWaited() => Logs.Records.Any(r => r.EventId == 2606 && r.Message.Contains(id, StringComparison.Ordinal));
        var seen = bodies.Distinct(StringComparer.Ordinal).ToList();
        for (var round = 0; round < 10 && !CopyWaited(); round++)
        {
            foreach (var body in seen)
            {
                Env.Aws.SendMessage(Env.QueueUrl, body);
            }

            await WaitUntilAsync(() => CopyWaited() || Env.Aws.Messages(Env.QueueUrl).All(m => m.ReceiveCount > 0));
        }

        Slack.ReleaseHeld();
        await WaitUntilAsync(() => Announcements("Twice delivered").Count > 0);
        var announcement = Announcements("Twice delivered")[0];
        await ApproveAsync(id, announcement.Ts);
        var audit = await AuditLinesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Announcements("Twice delivered"), Has.Count.EqualTo(1), "one announcement");
            Assert.That(StatusReplies(announcement.Ts), Has.Count.EqualTo(1), "one status reply");
            Assert.That(Slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Ok && c.Arguments["thread_ts"]?.GetValue<string>() == announcement.Ts
                && c.Arguments["blocks"]?.ToJsonString().Contains(ApprovalMessages.ApproveAction, StringComparison.Ordinal) == true), Is.EqualTo(1), "one approval prompt");
            Assert.That(audit.Count(l => l.Contains("\"event\":\"gate\"", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal)), Is.EqualTo(1), "one audit line");
            Assert.That(Slack.Calls.Count(c => c.Method == "users.lookupByEmail"), Is.LessThanOrEqualTo(1), "only the announcer resolves the requester");
            Assert.That(Env.Aws.Items(SandboxEnvironment.LockTable).Count(i => i["LockKey"] == $"announcement/{id}"), Is.EqualTo(1));
            Assert.That(Logs.Records.Any(r => r.EventId == 2606 && r.Message.Contains(id, StringComparison.Ordinal)), Is.True, "a copy found the claim taken and waited");
        });
    }

    [Test]
    public async Task AClaimWhoseOwnerDiedBeforePostingIsTakenOverAndAnnouncedOnce()
    {
        // The daemon's first look at the execution waits a moment, so the dead instance's claim is there first.
        Env.Aws.SlowNext("GetAutomationExecution", TimeSpan.FromSeconds(1.5), runAnyway: true);
        var id = await StartGateAsync("Orphaned claim");
        await SeedClaimAsync(id, thread: null);

        await WaitUntilAsync(() => Announcements("Orphaned claim").Count > 0);
        await ApproveAsync(id, Announcements("Orphaned claim")[0].Ts);
        Assert.Multiple(() =>
        {
            Assert.That(Announcements("Orphaned claim"), Has.Count.EqualTo(1));
            Assert.That(Logs.Records.Any(r => r.EventId == 2607 && r.Message.Contains(id, StringComparison.Ordinal)), Is.True, "logged as a takeover");
        });
    }

    [Test]
    public async Task AClaimWhoseOwnerDiedAfterPostingIsFinishedInItsThreadWithoutASecondAnnouncement()
    {
        Env.Aws.SlowNext("GetAutomationExecution", TimeSpan.FromSeconds(1.5), runAnyway: true);
        var id = await StartGateAsync("Half announced");
        var orphan = await Slack.PostUserMessageAsync(DeployChannel, Dave, "(the announcement the dead instance posted)");
        await SeedClaimAsync(id, thread: $"{DeployChannel}/{orphan}");

        await ApproveAsync(id, orphan);
        Assert.Multiple(() =>
        {
            Assert.That(Announcements("Half announced"), Is.Empty, "no second announcement");
            Assert.That(StatusReplies(orphan), Has.Count.EqualTo(1), "the status reply in the dead instance's thread");
            Assert.That(Env.Aws.Execution(id).Tags["socketdeployer:thread"], Is.EqualTo($"{DeployChannel}/{orphan}"));
        });
    }

    /// <summary>A claim as an instance leaves it when it dies mid-announcement, older than the grace.</summary>
    private async Task SeedClaimAsync(string executionId, string? thread)
    {
        var options = new AwsOptions { Region = Env.Aws.Region, DynamoDbServiceUrl = Env.Aws.ServiceUrl, LockTable = SandboxEnvironment.LockTable };
        using var client = DynamoDbClientFactory.Create(options, new BasicAWSCredentials(Env.Aws.AccessKeyId, Env.Aws.SecretAccessKey));
        var claims = new DynamoDbAnnouncementClaims(client, Options.Create(options));
        var since = DateTimeOffset.UtcNow - OutsideAnnouncer.ClaimGrace - TimeSpan.FromSeconds(5);
        Assert.That(await claims.ClaimAsync(executionId, "dead-instance", since, CancellationToken.None), Has.Property(nameof(AnnouncementClaim.Owner)).EqualTo("dead-instance"));
        if (thread is not null)
        {
            Assert.That(await claims.TryRecordThreadAsync(executionId, "dead-instance", thread, CancellationToken.None), Is.True);
        }
    }
}
