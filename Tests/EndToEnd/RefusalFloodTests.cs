using System.Diagnostics;
using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>A flood of malformed commands, then a real release from someone else, with the Sandbox enforcing
/// Slack's limits: the release's start reply is not kept behind the refusals.</summary>
public abstract class RefusalFloodTest : SandboxTest
{
    protected const int Flood = 30;
    protected static readonly TimeSpan StartReplyGoal = TimeSpan.FromSeconds(5);

    protected override string[] DaemonArguments => ["--Slack:Pacing:Enabled=true"];

    [SetUp]
    public void EnforceSlacksLimits() => Slack.EnforceRateLimits(true);

    /// <summary>Dave's mistyped commands (each its own thread), then Alice's deploy; the start reply and how long it took.</summary>
    protected async Task<(List<string> FloodThreads, SlackMessageRecord StartReply, TimeSpan Took)> FloodThenDeployAsync()
    {
        var threads = new List<string>();
        for (var i = 0; i < Flood; i++)
        {
            threads.Add(await Say(Dave, $"ship app r-{i}.0.0"));
        }

        var clock = Stopwatch.StartNew();
        var deploy = await Say(Alice, "run deploy app r-99.1.0");
        var reply = await BotReplyIn(deploy);
        return (threads, reply, clock.Elapsed);
    }

    protected IEnumerable<SlackMessageRecord> BotPostsIn(IEnumerable<string> threads) => threads.SelectMany(t => BotMessagesIn(t));
}

public class RefusalFloodPriorityTests : RefusalFloodTest
{
    // Throttling and shedding relaxed so all thirty refusals really queue: what is under test is the order.
    protected override string[] DaemonArguments =>
        [.. base.DaemonArguments, "--Slack:Pacing:RefusalsPerPerson=100", "--Slack:Pacing:RefusalsQueuedPerChannel=100"];

    [Test]
    public async Task TheStartReplyGoesBeforeTheRefusalsQueuedAheadOfIt()
    {
        var (threads, reply, took) = await FloodThenDeployAsync();

        var refusalsBefore = BotPostsIn(threads).Count(m => string.CompareOrdinal(m.Ts, reply.Ts) < 0);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain(":rocket:"));
            Assert.That(took, Is.LessThanOrEqualTo(StartReplyGoal), "the start reply within 5 s of the request");
            Assert.That(refusalsBefore, Is.LessThanOrEqualTo(6), "only the refusals already paced out went first");
            Assert.That(Slack.Calls.Where(c => c.HttpStatus == 429), Is.Empty, "paced, never bounced");
        });
        await WaitUntilAsync(() => BotPostsIn(threads).Count() > refusalsBefore);
        Assert.That(BotPostsIn(threads).Where(m => string.CompareOrdinal(m.Ts, reply.Ts) > 0), Is.Not.Empty,
            "the remaining refusals still go out, after it");
    }
}

public class RefusalFloodThrottleTests : RefusalFloodTest
{
    [Test]
    public async Task AFloodFromOnePersonCostsAHandfulOfPostsAndIsAuditedWhole()
    {
        var (threads, reply, took) = await FloodThenDeployAsync();
        Assert.That(took, Is.LessThanOrEqualTo(StartReplyGoal), "the start reply within 5 s of the request");

        await WaitUntilAsync(() => Logs.Records.Count(r => r.EventId == 2001) == Flood);
        await WaitUntilAsync(() => BotPostsIn(threads).Any(m => m.Text.Contains(":raised_hand:", StringComparison.Ordinal)));
        var posts = BotPostsIn(threads).ToList();
        var audit = await AuditLinesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(posts, Has.Count.EqualTo(4), "three refusals and one slow-down: " + string.Join('\n', posts));
            // Handlers run side by side, so the slow-down is not necessarily the last of the four to be posted.
            Assert.That(posts, Has.Exactly(1).Matches<SlackMessageRecord>(m => m.Text.Contains($"<@{Dave}>", StringComparison.Ordinal) && m.Text.Contains("5 minutes", StringComparison.Ordinal)));
            Assert.That(audit.Count(l => l.Contains("\"outcome\":\"refused\"", StringComparison.Ordinal)), Is.EqualTo(Flood), "every refusal is audited");
            Assert.That(Logs.Records.Count(r => r.EventId == 2008), Is.EqualTo(Flood - 4), "every unposted refusal is logged");
            Assert.That(reply.Text, Does.Contain(":rocket:"));
        });
    }
}
