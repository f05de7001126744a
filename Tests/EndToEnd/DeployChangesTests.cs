using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Sandbox.Aws;
using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>The start reply shows what is live and what changes; app names a GitHub repository in the shipped catalog, ui none.</summary>
public class DeployChangesTests : SandboxTest
{
    private SandboxExecution Started => Env.Aws.Executions.Single(e => e.Tags.ContainsKey(ExecutionTags.Event));

    [Test]
    public async Task TheStartReplyShowsTheLiveVersionAndTheComparison()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-99.5.0", "Failed");

        var reply = await BotReplyIn(await Say(Alice, "run deploy app r-99.2.0"));
        await WaitUntilAsync(() => Started.Tags.ContainsKey(ChangeTags.Kind));
        var blocks = reply.Blocks!.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(blocks, Does.Contain("Live now: \\u0060r-99.1.0\\u0060"));
            Assert.That(blocks, Does.Contain("https://github.com/example/app/compare/r-99.1.0...r-99.2.0"));
            Assert.That(Started.Tags[ChangeTags.Live], Is.EqualTo("r-99.1.0"));
            Assert.That(Started.Tags[ChangeTags.Kind], Is.EqualTo("deploy"));
        });
    }

    [Test]
    public async Task WithoutARepositoryTheLiveVersionOnly()
    {
        Env.Aws.Seed("ui", "r-80.0.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "run deploy ui r-80.1.0"));
        var blocks = reply.Blocks!.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(blocks, Does.Contain("Live now: \\u0060r-80.0.0\\u0060"));
            Assert.That(blocks, Does.Not.Contain("compare"));
        });
    }

    [Test]
    public async Task NothingLiveYet()
    {
        var reply = await BotReplyIn(await Say(Alice, "run deploy app r-99.1.0"));
        await WaitUntilAsync(() => Started.Tags.ContainsKey(ChangeTags.Kind));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Blocks!.ToJsonString(), Does.Contain("Nothing is live yet"));
            Assert.That(Started.Tags.ContainsKey(ChangeTags.Live), Is.False);
        });
    }
}

/// <summary>ui may release only versions that succeeded on app first (<c>RequiresSuccessOn</c>).</summary>
public class PromotionTests : SandboxTest
{
    protected override string[] DaemonArguments => ["--Deploy:Services:ui:RequiresSuccessOn=app"];

    private int Starts => Env.Aws.Calls.Count(c => c.Operation == "StartAutomationExecution");

    [Test]
    public async Task AVersionThatDidNotSucceedUpstreamIsRefusedWithTheOnesThatDid()
    {
        Env.Aws.Seed("app", "r-99.1.0", "Success");
        Env.Aws.Seed("app", "r-80.0.0", "Failed");
        var reply = await BotReplyIn(await Say(Alice, "run deploy ui r-80.0.0"));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("`r-80.0.0` has not succeeded on *app*; *ui* releases only versions that did. Versions that succeeded there: `r-99.1.0`."));
            Assert.That(Starts, Is.Zero);
        });
        Assert.That(await AuditLinesAsync(), Has.One.Contains("\"command\":\"deploy ui r-80.0.0\"").And.Contains("promotion not met"));
    }

    [Test]
    public async Task NothingUpstreamMeansNothingIsAccepted()
    {
        var reply = await BotReplyIn(await Say(Alice, "run deploy ui r-80.0.0"));
        Assert.That(reply.Text, Does.Contain("Nothing has succeeded on *app* yet."));
        Assert.That(Starts, Is.Zero);
    }

    [Test]
    public async Task AVersionThatSucceededUpstreamStartsAndSaysWhere()
    {
        var upstream = Env.Aws.Seed("app", "r-80.0.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "run deploy ui r-80.0.0"));
        var started = Env.Aws.Executions.Single(e => e.Tags.ContainsKey(ExecutionTags.Event));
        await WaitUntilAsync(() => started.Tags.ContainsKey(ChangeTags.Promoted));
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.StartWith($":rocket: <@{Alice}> started *ui* `r-80.0.0`"));
            Assert.That(reply.Blocks!.ToJsonString(), Does.Contain("Succeeded on *app* at ").And.Contain(upstream.Id));
            Assert.That(started.Tags[ChangeTags.Promoted], Does.StartWith("app/").And.EndWith("/" + upstream.Id));
        });
    }

    [Test]
    public async Task ARollbackIsNotAskedForPromotionAgain()
    {
        Env.Aws.Seed("ui", "r-80.0.0", "Success");
        Env.Aws.Seed("ui", "r-80.1.0", "Success");
        var reply = await BotReplyIn(await Say(Alice, "rollback ui"));
        Assert.That(reply.Text, Does.Contain("a rollback of *ui* from `r-80.1.0` to `r-80.0.0`"));
    }
}
