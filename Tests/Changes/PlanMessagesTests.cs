using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Plan;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Changes;

public class PlanMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static DeployPlan Plan(PolicyDecision? may = null, PromotionGap? gap = null, LockHolder? holder = null, string? requires = null)
    {
        var service = ReleaseHistoryTests.Service(compare: "https://github.com/org/app/compare/{from}...{to}", requires: requires);
        return new DeployPlan(service, "r-2", "U0ALICE", may ?? PolicyDecision.Allow, ReleaseChanges.For(service, "r-2", "r-1", false, null), gap, holder, null,
            new Dictionary<string, IReadOnlyList<string>> { ["ReleaseTag"] = ["r-2"], ["RequestedBy"] = ["U0ALICE"] },
            new Dictionary<string, string> { ["U0BOB"] = "@bob", ["U0CAROL"] = "@carol" });
    }

    [Test]
    public void APlanThatWouldStartSaysExactlyWhat()
    {
        var message = PlanMessages.Plan(Plan(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(message.Text, Does.StartWith(":clipboard: *Plan* — `deploy app r-2` would start now. Nothing was started."));
            Assert.That(message.Text, Does.Contain("• Document `Deploy-App` version `7` (pinned), release `r-2`"));
            Assert.That(message.Text, Does.Contain("• Parameters: `ReleaseTag` = `r-2`, `RequestedBy` = `U0ALICE`"));
            Assert.That(message.Text, Does.Contain("• Approvals: 1 of @\u2060bob"));
            Assert.That(message.Text, Does.Contain("• Lock: free"));
            Assert.That(message.Text, Does.Contain("• Changes: Live now: `r-1` · <https://github.com/org/app/compare/r-1...r-2|Compare r-1…r-2>"));
            Assert.That(message.Text, Does.Contain("• Promotion: no rule"));
            Assert.That(message.Text, Does.Contain("• You: may deploy it"));
            Assert.That(message.Text, Does.Not.Contain("<@U0BOB>"), "a plan does not ping the approvers");
        });
    }

    [Test]
    public void EachFailedCheckMakesItARefusal()
    {
        var manual = new LockHolder("app", "t", "U0CAROL", Now.AddMinutes(-30), Reason: "migration", IsManual: true);
        Assert.Multiple(() =>
        {
            Assert.That(PlanMessages.Plan(Plan(may: PolicyDecision.Refuse("you are not a deployer of app")), Now).Text,
                Does.Contain("would be refused now").And.Contain("• You: you are not a deployer of app"));
            Assert.That(PlanMessages.Plan(Plan(holder: manual), Now).Text,
                Does.Contain("would be refused now").And.Contain("• Lock: :lock: locked by @\u2060carol for 30m: migration"));
            Assert.That(PlanMessages.Plan(Plan(gap: new PromotionGap("app-staging", ["r-1"]), requires: "app-staging"), Now).Text,
                Does.Contain("would be refused now").And.Contain("`r-2` has not succeeded on *app-staging*").And.Contain("`r-1`"));
            Assert.That(PlanMessages.Plan(Plan() with { Holds = [":snowflake: a freeze"] }, Now).Text,
                Does.Contain("would be refused now").And.Contain("• :snowflake: a freeze"));
        });
    }
}
