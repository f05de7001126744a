using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.EndToEnd;

public class CommandRepliesTests : SandboxTest
{
    [TestCase("help")]
    [TestCase("")]
    public async Task HelpListsEveryServiceWithFormatsAndPeopleByName(string text)
    {
        var ts = await Say(Dave, text);
        var reply = await BotReplyIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("app").And.Contain("Public API").And.Contain("r-99.1.0"));
            Assert.That(reply.Text, Does.Contain("ui").And.Contain("r-80.0.0"));
            Assert.That(reply.Text, Does.Contain("bob").And.Contain("prod-approvers").And.Contain("deployers"));
            Assert.That(reply.Text, Does.Not.Contain("<@").And.Not.Contain("<!subteam"), "help never pings");
            Assert.That(Env.Aws.Calls.Where(c => c.Operation == "StartAutomationExecution"), Is.Empty);
        });
    }

    [TestCase("run deploy apq r-99.1.0", "`apq`", "did you mean `app`")]
    [TestCase("run deploy app 99.1.0", "`99.1.0`", "r-99.1.0")]
    [TestCase("run deploy app", "", "needs a version")]
    [TestCase("run deploy app r-99.1.0 now", "`now`", "")]
    [TestCase("ship app r-99.1.0", "`ship`", "")]
    [TestCase("run deploy <!channel> r-1.0.0", "", "")]
    public async Task ABadCommandGetsOneReasonAndTheUsageAndStartsNothing(string text, string echoed, string hint)
    {
        var ts = await Say(Alice, text);
        var reply = await BotReplyIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain(echoed).And.Contain(hint));
            Assert.That(reply.Text, Does.Contain("Usage:"));
            Assert.That(reply.Text, Does.Not.Contain("<!channel>").And.Not.Contain("<!here>"));
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task UserMarkupEchoedBackCanNeitherPingNorLink()
    {
        var ts = await Say(Alice, "deploy <!here> <http://evil.example|r-1.0.0>");
        var reply = await BotReplyIn(ts);
        Assert.That(reply.Text, Does.Not.Contain("<!here").And.Not.Contain("<http"));
    }

    [Test]
    public async Task AVersionWithFullwidthDigitsIsRefusedNamingTheCharacter()
    {
        var ts = await Say(Alice, "deploy app r-９９.1.0");
        var reply = await BotReplyIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("U+FF19"));
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task AServiceNameWithACyrillicLetterIsRefused()
    {
        var ts = await Say(Alice, "deploy \u0430pp r-99.1.0");
        var reply = await BotReplyIn(ts);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Text, Does.Contain("U+0430"));
            Assert.That(Env.Aws.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task RefusedRequestsAreAudited()
    {
        var ts = await Say(Alice, "run deploy apq r-99.1.0");
        await BotReplyIn(ts);
        var lines = await AuditLinesAsync();
        Assert.That(lines, Has.One.Contains("\"outcome\":\"refused\"").And.Contains("unknown service"));
    }
}
