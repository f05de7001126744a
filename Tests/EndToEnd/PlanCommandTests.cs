using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class PlanCommandTests : SandboxTest
{
    private int Starts => Env.Aws.Calls.Count(c => c.Operation == "StartAutomationExecution");

    [Test]
    public async Task APlanSaysExactlyWhatTheDeployWouldDoAndStartsNothing()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "plan deploy app r-99.2.0"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith(":clipboard: *Plan* — `deploy app r-99.2.0` would start now. Nothing was started."));
            Assert.That(reply.Text, Does.Contain("• Document `Deploy-App` version `7` (pinned), release `r-99.2.0`"));
            Assert.That(reply.Text, Does.Contain($"• Parameters: `ReleaseTag` = `r-99.2.0`, `RequestedBy` = `{Alice}`"));
            Assert.That(reply.Text, Does.Contain("• Approvals: 1 of ").And.Contain("bob").And.Contain("prod-approvers"));
            Assert.That(reply.Text, Does.Not.Contain($"<@{Bob}>").And.Not.Contain("<!subteam"), "a plan pings nobody");
            Assert.That(reply.Text, Does.Contain("• Lock: free"));
            Assert.That(reply.Text, Does.Contain("Live now: `r-99.1.0` · <https://github.com/example/app/compare/r-99.1.0...r-99.2.0|"));
            Assert.That(reply.Text, Does.Contain("• Promotion: no rule").And.Contain("• You: may deploy it"));
            Assert.That(Starts, Is.Zero);
            Assert.That(Env.Aws.Calls.Where(c => c.Operation is "PutItem" or "UpdateItem" or "DeleteItem"), Is.Empty, "the lock is only read");
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"plan deploy app r-99.2.0\"").And.Contains("\"outcome\":\"answered\"").And.Contains("would start"));
    }

    [Test]
    public async Task APlanShowsTheLockThatWouldRefuseIt()
    {
        await BotReplyIn(await Say(Carol, "lock app db migration"));
        var reply = await BotReplyIn(await Say(Alice, "plan deploy app r-99.2.0"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("would be refused now"));
            Assert.That(reply.Text, Does.Contain("• Lock: :lock: locked by ").And.Contain("carol").And.Contain("db migration"));
            Assert.That(reply.Text, Does.Contain("Nothing is live yet"));
        });
    }

    [Test]
    public async Task APlanForSomeoneWhoMayNotDeploySaysWhy()
    {
        var reply = await BotReplyIn(await Say(Dave, "plan deploy app r-99.2.0"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("would be refused now"));
            Assert.That(reply.Text, Does.Match("• You: .+deploy"));
            Assert.That(reply.Text, Does.Not.Contain("• You: may deploy it"));
        });
    }

    [Test]
    public async Task AnUnknownServiceOrAWrongVersionIsRefusedLikeADeploy()
    {
        var unknown = await BotReplyIn(await Say(Alice, "plan deploy apq r-1.0.0"));
        var version = await BotReplyIn(await Say(Alice, "plan deploy app 99.2.0"));
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Text, Does.Contain("did you mean `app`").And.Contain("Usage:"));
            Assert.That(version.Text, Does.Contain("Version `99.2.0` does not match app's format").And.Contain("Usage:"));
            Assert.That(Env.Aws.Calls.Where(c => c.Service == "AmazonSSM"), Is.Empty);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"plan deploy apq r-1.0.0\"").And.Contains("unknown service"));
    }
}

/// <summary>A plan against a promotion rule that is not met.</summary>
public class PlanPromotionTests : SandboxTest
{
    protected override string[] DaemonArguments => ["--Deploy:Services:ui:RequiresSuccessOn=app"];

    [Test]
    public async Task APlanShowsWhetherThePromotionRuleIsMet()
    {
        Env.Aws.Seed("app", "r-80.0.0", "Success");
        var met = await BotReplyIn(await Say(Alice, "plan deploy ui r-80.0.0"));
        var unmet = await BotReplyIn(await Say(Alice, "plan deploy ui r-80.1.0"));
        Assert.Multiple(() =>
        {
            Assert.That(met.Text, Does.Contain("would start now").And.Contain("• Promotion: :white_check_mark: Succeeded on *app* at "));
            Assert.That(unmet.Text, Does.Contain("would be refused now").And.Contain("`r-80.1.0` has not succeeded on *app*").And.Contain("`r-80.0.0`"));
        });
    }
}
