using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class RollbackCommandTests : SandboxTest
{
    private SandboxExecution Started => Env.Aws.Executions.Single(e => e.Tags.ContainsKey(ExecutionTags.Event));

    private int Starts => Env.Aws.Calls.Count(c => c.Operation == "StartAutomationExecution");

    [Test]
    public async Task ARollbackReleasesThePreviousSuccessfulVersionAndSaysFromWhichToWhich()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Failed");
        Env.Aws.Seed("app", "r-99.3.0", "Success");

        var reply = await BotReplyIn(await Say(Alice, "rollback app"));
        await WaitUntilAsync(() => Started.Tags.ContainsKey(ChangeTags.Kind));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith($":rewind: <@{Alice}> started a rollback of *app* from `r-99.3.0` to `r-99.1.0`"));
            Assert.That(Started.Parameters["ReleaseTag"], Is.EqualTo(new[] { "r-99.1.0" }));
            Assert.That(Started.Tags[ExecutionTags.Version], Is.EqualTo("r-99.1.0"));
            Assert.That(Started.Tags[ChangeTags.Kind], Is.EqualTo("rollback"));
            Assert.That(Started.Tags[ChangeTags.Live], Is.EqualTo("r-99.3.0"));
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"rollback app\"").And.Contains("\"outcome\":\"started\"").And.Contains("r-99.1.0"));
    }

    [Test]
    public async Task ARollbackToAGivenVersionThatSucceeded()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Success");
        Env.Aws.Seed("app", "r-99.3.0", "Success");

        var reply = await BotReplyIn(await Say(Alice, "rollback app r-99.1.0"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("a rollback of *app* from `r-99.3.0` to `r-99.1.0`"));
            Assert.That(Started.Parameters["ReleaseTag"], Is.EqualTo(new[] { "r-99.1.0" }));
        });
    }

    [Test]
    public async Task NothingToRollBackToWithoutASuccessfulRelease()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Failed");
        var reply = await BotReplyIn(await Say(Alice, "rollback app"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("Nothing to roll back to: *app* has no successful release yet"));
            Assert.That(Starts, Is.Zero);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"outcome\":\"refused\"").And.Contains("nothing to roll back to"));
    }

    [Test]
    public async Task NothingToRollBackToWhenOnlyTheLiveVersionSucceeded()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "rollback app"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("`r-99.1.0` is live and no earlier version of *app* succeeded"));
            Assert.That(Starts, Is.Zero);
        });
    }

    [Test]
    public async Task AVersionThatNeverSucceededIsRefusedWithTheOnesThatDid()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Failed");
        Env.Aws.Seed("app", "r-99.3.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "rollback app r-99.2.0"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("`r-99.2.0` never succeeded on *app*").And.Contain("Versions that did: `r-99.1.0`."));
            Assert.That(Starts, Is.Zero);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"rollback app r-99.2.0\"").And.Contains("version never succeeded"));
    }

    [Test]
    public async Task TheLiveVersionIsNotARollback()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "rollback app r-99.2.0"));
        Assert.That(reply.Text, Does.Contain("`r-99.2.0` is already live on *app*"));
        Assert.That(Starts, Is.Zero);
    }

    [Test]
    public async Task AnUnknownServiceIsRefusedBeforeAnyRead()
    {
        var reply = await BotReplyIn(await Say(Alice, "rollback apq"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("did you mean `app`").And.Contain("Usage:"));
            Assert.That(Env.Aws.Calls.Where(c => c.Service == "AmazonSSM"), Is.Empty);
        });
    }

    [Test]
    public async Task ARollbackGoesThroughTheDeployPolicy()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Success");
        var ts = await Say(Dave, "rollback app");
        var refusal = await EphemeralTo(Dave, ts);
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Does.Contain(":no_entry:"));
            Assert.That(Starts, Is.Zero);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"rollback app\"").And.Contains("not a deployer"));
    }

    [Test]
    public async Task ARollbackIsRefusedByTheLockLikeAnyDeploy()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.2.0", "Success");
        await BotReplyIn(await Say(Carol, "lock app db migration"));
        var reply = await BotReplyIn(await Say(Alice, "rollback app"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain(":lock: *app* is locked by").And.Contain("db migration"));
            Assert.That(Starts, Is.Zero);
        });
    }
}
