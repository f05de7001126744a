using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Tests.Policy.Freezes;

/// <summary>What a deploy meets during a freeze: the refusal names the freeze, its end (UTC and "in …") and reason;
/// --break-glass lets it through only when break-glass approvers exist; outside a freeze the flag is ignored.</summary>
public class FreezeDecisionTests
{
    private static readonly DateTimeOffset FridayEvening = new(2026, 12, 4, 18, 0, 0, TimeSpan.Zero);

    private static readonly FreezeCalendar Calendar = new(
        FreezeParser.Windows(new Dictionary<string, FreezeOptions>(StringComparer.Ordinal)
        {
            ["weekend"] = new() { Reason = "nobody on call <!here>", Start = "Friday 16:00", End = "Friday 20:00", Services = ["app"] },
        }),
        new FakeTimeProvider(FridayEvening));

    [Test]
    public void ADeployDuringAFreezeIsRefusedWithTheFreezesNameEndAndReason()
    {
        var decision = FreezeDecision.Of(Calendar, "app", null, breakGlassConfigured: true);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Why, Is.EqualTo("frozen"));
            Assert.That(decision.Refusal!.Text, Does.StartWith(":snowflake: *app* is frozen: *weekend* (nobody on call &lt;!here&gt;) for *app* until Fri Dec 4 20:00 UTC (in 2 h)."));
            Assert.That(decision.Refusal.Text, Does.Contain("Deploys are refused until Fri Dec 4 20:00 UTC (in 2 h).").And.Contain("`--break-glass <reason>`"));
        });
    }

    [Test]
    public void BreakingGlassGoesAheadWithItsReason() =>
        Assert.That(FreezeDecision.Of(Calendar, "app", "outage INC-7", breakGlassConfigured: true), Is.EqualTo(new FreezeDecision(null, null, "outage INC-7")));

    [Test]
    public void BreakingGlassWithoutBreakGlassApproversIsRefusedSayingSo()
    {
        var decision = FreezeDecision.Of(Calendar, "app", "outage", breakGlassConfigured: false);
        Assert.Multiple(() =>
        {
            Assert.That(decision.Why, Is.EqualTo("break-glass not configured"));
            Assert.That(decision.Refusal!.Text, Does.Contain("Deploy:BreakGlassApprovers is empty").And.Contain("until Fri Dec 4 20:00 UTC (in 2 h)"));
            Assert.That(FreezeDecision.Of(Calendar, "app", null, breakGlassConfigured: false).Refusal!.Text, Does.Contain("Breaking glass is not configured here"));
        });
    }

    [Test]
    public void OutsideAFreezeTheFlagIsIgnored() =>
        Assert.That(FreezeDecision.Of(Calendar, "ui", "just in case", breakGlassConfigured: true), Is.SameAs(FreezeDecision.Free));

    [Test]
    public void TheSummaryShowsTheFreezeInForceAndTheNextOne()
    {
        var summary = FreezeMessages.Summary(Calendar, null);
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.StartWith(":snowflake: *Frozen*: *weekend*"));
            Assert.That(summary, Does.Contain(":calendar: Next freeze: *weekend* (nobody on call &lt;!here&gt;) for *app* from Fri Dec 11 16:00 UTC (in 6 d 22 h) until Fri Dec 11 20:00 UTC"));
            Assert.That(FreezeMessages.Summary(Calendar, "ui"), Is.Empty, "no freeze of ui is configured");
        });
    }
}
