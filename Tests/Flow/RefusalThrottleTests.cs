using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Core.Flow.Refusals;
using SocketDeployer.Core.Slack;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Flow;

/// <summary>A few refusals per person, then one "slow down", then silence; on a clock only the test moves.</summary>
public class RefusalThrottleTests
{
    private static readonly SlackPacingOptions Options = new()
    {
        RefusalsPerPerson = 3,
        RefusalWindow = TimeSpan.FromMinutes(1),
        RefusalSilence = TimeSpan.FromMinutes(5),
    };

    [Test]
    public void AFloodFromOnePersonCostsThreeRefusalsAndOneSlowDown()
    {
        var throttle = new RefusalThrottle(Options, new FakeTimeProvider());

        var verdicts = Enumerable.Range(0, 30).Select(_ => throttle.Next("U1")).ToList();

        Assert.That(verdicts, Is.EqualTo(
            Enumerable.Repeat(RefusalVerdict.Answer, 3).Append(RefusalVerdict.SlowDown).Concat(Enumerable.Repeat(RefusalVerdict.Silent, 26))));
    }

    [Test]
    public void OthersAreNotSilencedWithTheFlooder()
    {
        var throttle = new RefusalThrottle(Options, new FakeTimeProvider());
        for (var i = 0; i < 10; i++)
        {
            throttle.Next("U1");
        }

        Assert.That(throttle.Next("U2"), Is.EqualTo(RefusalVerdict.Answer));
    }

    [Test]
    public void RefusalsSpreadWiderThanTheWindowAreAllAnswered()
    {
        var clock = new FakeTimeProvider();
        var throttle = new RefusalThrottle(Options, clock);
        var verdicts = new List<RefusalVerdict>();
        for (var i = 0; i < 10; i++)
        {
            verdicts.Add(throttle.Next("U1"));
            clock.Advance(TimeSpan.FromSeconds(21));
        }

        Assert.That(verdicts, Is.All.EqualTo(RefusalVerdict.Answer), "three per minute never trips the limit");
    }

    [Test]
    public void AfterTheSilenceThePersonIsAnsweredAgain()
    {
        var clock = new FakeTimeProvider();
        var throttle = new RefusalThrottle(Options, clock);
        for (var i = 0; i < 4; i++)
        {
            throttle.Next("U1");
        }

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.That(throttle.Next("U1"), Is.EqualTo(RefusalVerdict.Silent));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(throttle.Next("U1"), Is.EqualTo(RefusalVerdict.Answer));
    }

    [TestCase("started", null, PostPriority.Release)]
    [TestCase("answered", null, PostPriority.Answer)]
    [TestCase("failed", "ThrottlingException", PostPriority.Answer)]
    [TestCase("refused", "locked", PostPriority.Answer)]
    [TestCase("refused", "already finished", PostPriority.Answer)]
    [TestCase("refused", "lock busy", PostPriority.Answer)]
    [TestCase("refused", "bad command", PostPriority.Refusal)]
    [TestCase("refused", "unknown service", PostPriority.Refusal)]
    [TestCase("refused", "not a deployer", PostPriority.Refusal)]
    public void TheAuditedOutcomeSaysTheReplysClass(string outcome, string? reason, PostPriority expected) =>
        Assert.That(ReplyClass.Of(outcome, reason), Is.EqualTo(expected));
}
