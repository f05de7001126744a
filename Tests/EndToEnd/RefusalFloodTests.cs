using SocketDeployer.Sandbox.Slack;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>A flood of malformed commands, then a real release from someone else, with the Sandbox enforcing
/// Slack's limits: the release's start reply is not kept behind the refusals.</summary>
public abstract class RefusalFloodTest : SandboxTest
{
    protected const int Flood = 30;

    protected override string[] DaemonArguments => ["--Slack:Pacing:Enabled=true"];

    [SetUp]
    public void EnforceSlacksLimits() => Slack.EnforceRateLimits(true);

    /// <summary>Dave's mistyped commands (each its own thread), then Alice's deploy and its start reply. How long the
    /// reply took is a figure of the bench's flood phase, not an assertion: these machines are shared.</summary>
    protected async Task<(List<string> FloodThreads, SlackMessageRecord StartReply)> FloodThenDeployAsync()
    {
        var threads = new List<string>();
        for (var i = 0; i < Flood; i++)
        {
            threads.Add(await Say(Dave, $"ship app r-{i}.0.0"));
        }

        var deploy = await Say(Alice, "run deploy app r-99.1.0");
        var reply = await BotReplyIn(deploy);
        return (threads, reply);
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
        var (threads, reply) = await FloodThenDeployAsync();

        var refusalsBefore = BotPostsIn(threads).Count(m => string.CompareOrdinal(m.Ts, reply.Ts) < 0);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain(":rocket:"));
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
        var (threads, reply) = await FloodThenDeployAsync();
        Assert.That(reply.Text, Does.Contain(":rocket:"));

        await Logs.Collector.WaitForCountAsync(r => r.EventId == 2001, Flood, Wait);
        Assert.That(Logs.Records.Count(r => r.EventId == 2001), Is.EqualTo(Flood));
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
