using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

/// <summary>history, rollback and plan deploy: the ordinary forms, and each refusal with its words.</summary>
public class ReleaseCommandParserTests
{
    private static ParsedCommand Parse(string text) => CommandParser.Parse(text, CommandParserCases.Bot);

    [TestCase("<@UBOT> history app", "app", CommandParser.DefaultHistory)]
    [TestCase("<@UBOT> HISTORY App 5", "app", 5)]
    [TestCase("history app 1", "app", 1)]
    [TestCase("history app 50", "app", CommandParser.MaxHistory)]
    [TestCase("history\u00A0ui\u3000 7 ", "ui", 7)]
    public void History(string text, string service, int count) =>
        Assert.That(Parse(text), Is.EqualTo(new HistoryCommand(service, count)));

    [TestCase("<@UBOT> rollback app", "app", null)]
    [TestCase("ROLLBACK App r-99.1.0", "app", "r-99.1.0")]
    [TestCase("rollback ui R-1", "ui", "R-1")]
    public void Rollback(string text, string service, string? version) =>
        Assert.That(Parse(text), Is.EqualTo(new RollbackCommand(service, version)));

    [Test]
    public void ARollbackOrAPlanMayBreakGlass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parse("rollback app --break-glass outage INC-7"), Is.EqualTo(new RollbackCommand("app", null, "outage INC-7")));
            Assert.That(Parse("rollback app r-1 --break-glass outage"), Is.EqualTo(new RollbackCommand("app", "r-1", "outage")));
            Assert.That(Parse("plan deploy app r-1 --break-glass outage"), Is.EqualTo(new PlanCommand("app", "r-1", "outage")));
            Assert.That(Parse("rollback app --break-glass"), Is.TypeOf<CommandError>());
        });
    }

    [TestCase("<@UBOT> plan deploy app r-99.1.0", "app", "r-99.1.0")]
    [TestCase("PLAN DEPLOY APP r-1", "app", "r-1")]
    public void Plan(string text, string service, string version) =>
        Assert.That(Parse(text), Is.EqualTo(new PlanCommand(service, version)));

    [TestCase("history", "`history` needs a service")]
    [TestCase("history app 0", "a number from 1 to 50, not `0`")]
    [TestCase("history app 51", "a number from 1 to 50, not `51`")]
    [TestCase("history app -3", "a number from 1 to 50, not `-3`")]
    [TestCase("history app ten", "not `ten`")]
    [TestCase("history app 99999999999", "not `99999999999`")]
    [TestCase("history app 5 more", "unexpected text after the count: `more`")]
    [TestCase("history <!channel>", "is a Slack mention, not a service name")]
    [TestCase("history \u0430pp", "U+0430 CYRILLIC SMALL LETTER A")]
    [TestCase("rollback", "`rollback` needs a service")]
    [TestCase("rollback app r-1 now", "unexpected text after the version: `now`")]
    [TestCase("rollback app {{ssm:secret}}", "the start of an SSM parameter reference")]
    [TestCase("rollback app r-1\u200B", "U+200B ZERO WIDTH SPACE")]
    [TestCase("rollback ap/p", "contains `/`")]
    [TestCase("plan", "`plan` goes with `deploy`")]
    [TestCase("plan rollback app", "`plan` goes with `deploy`")]
    [TestCase("plan deploy", "`deploy` needs a service and a version")]
    [TestCase("plan deploy app", "`deploy` needs a version after the service")]
    [TestCase("plan deploy app r-1 extra", "unexpected text after the version: `extra`")]
    [TestCase("histroy app", "did you mean `history`?")]
    [TestCase("rolback app", "did you mean `rollback`?")]
    public void Refusals(string text, string fragment)
    {
        var parsed = Parse(text);
        Assert.That(parsed, Is.TypeOf<CommandError>());
        var reason = ((CommandError)parsed).Reason;
        Assert.That(reason, Does.Contain(fragment));
        CommandParserTests.AssertSafeMrkdwn(reason);
    }

    [Test]
    public void ARollbackIsADeployMarkedAsOne() =>
        Assert.That(new DeployCommand("app", "r-1") { IsRollback = true }, Is.Not.EqualTo(new DeployCommand("app", "r-1")));
}
