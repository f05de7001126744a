using SocketDeployer.Sandbox.Environment;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary><c>lock</c> and <c>unlock</c> from Slack: approvers hold a service by hand, deploys are refused with who,
/// since when, why and how to unlock, and both are audited.</summary>
public class ManualLockTests : SandboxTest
{
    [Test]
    public async Task AnApproversLockRefusesDeploysUntilAnApproverUnlocks()
    {
        var locked = await BotReplyIn(await Say(Carol, "lock app db migration until 15:00"));
        var refused = await BotReplyIn(await Say(Alice, "deploy app r-99.1.0"));
        var unlocked = await BotReplyIn(await Say(Bob, "unlock app"));
        var started = await BotReplyIn(await Say(Alice, "deploy app r-99.1.0"));

        var audit = await AuditLinesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(locked.Text, Does.StartWith(":lock: <@U0CAROL> locked *app*: db migration until 15:00."));
            Assert.That(refused.Text, Does.Contain("*app* is locked by <@U0CAROL> since ").And.Contain("UTC: db migration until 15:00")
                .And.Contain("`unlock app`"));
            Assert.That(unlocked.Text, Does.StartWith(":unlock: <@U0BOB> unlocked *app* (locked by <@U0CAROL> since "));
            Assert.That(started.Text, Does.StartWith(":rocket:"));
            Assert.That(Env.Aws.Executions, Has.Count.EqualTo(1));
            Assert.That(audit.Count(l => l.Contains("\"outcome\":\"locked\"", StringComparison.Ordinal) && l.Contains("db migration", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(audit.Count(l => l.Contains("\"outcome\":\"unlocked\"", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ADeployerWhoIsNoApproverCannotLock()
    {
        var ts = await Say(Alice, "lock app because");
        var refusal = await EphemeralTo(Alice, ts);

        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain("Only an approver of *app* can lock or unlock it."));
            Assert.That(Env.ServiceLocks, Is.Empty);
        });
    }

    [Test]
    public async Task UnlockDoesNotEndARunningReleasesLockAndLockSaysWhoHoldsIt()
    {
        await BotReplyIn(await Say(Alice, "deploy app r-99.1.0"));
        var execution = Env.Aws.Executions.Single().Id;
        await WaitUntilAsync(() => Env.ServiceLocks.SingleOrDefault()?.GetValueOrDefault("ExecutionId") == execution);

        var unlock = await BotReplyIn(await Say(Bob, "unlock app"));
        var relock = await BotReplyIn(await Say(Bob, "lock app freeze"));

        Assert.Multiple(() =>
        {
            Assert.That(unlock.Text, Does.Contain("already being deployed `r-99.1.0` by <@U0ALICE>").And.Contain(execution).And.EndWith("`unlock` only ends manual locks."));
            Assert.That(relock.Text, Does.Contain("already being deployed `r-99.1.0` by <@U0ALICE>"));
            Assert.That(Env.ServiceLocks.Single()["ExecutionId"], Is.EqualTo(execution));
        });
    }

    [Test]
    public async Task AReasonIsEchoedEscapedAndUnlockOfAFreeServiceSaysSo()
    {
        var locked = await BotReplyIn(await Say(Erin, "lock ui <!channel> <https://evil.example|click>"));
        await BotReplyIn(await Say(Erin, "unlock ui"));
        var again = await BotReplyIn(await Say(Erin, "unlock ui"));

        Assert.Multiple(() =>
        {
            Assert.That(locked.Text, Does.Not.Contain("<!channel>").And.Not.Contain("<https://").And.Contain("&lt;!channel&gt;").And.Contain("click"));
            Assert.That(again.Text, Does.Contain("*ui* is not locked."));
        });
    }
}
