using System.Text.RegularExpressions;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public partial class CommandHelpTests
{
    private static readonly string[] Verbs = ["run deploy", "plan deploy", "rollback", "history", "status", "cancel", "lock", "unlock", "help"];

    [Test]
    public void EveryCommandHasALineWithAnExampleThatParses()
    {
        var services = new[] { HelpTextTests.Service("billing", @"^v\d+$", "v12") };
        var help = CommandHelp.Build(services, "@deploybot");
        var examples = Example().Matches(help).Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(examples, Has.Count.EqualTo(Verbs.Length));
            foreach (var verb in Verbs)
                Assert.That(examples, Has.One.StartsWith(verb + (verb == "help" ? "" : " ")), verb);
            foreach (var example in examples.Where(e => e != "help"))
                Assert.That(CommandParser.Parse(example, "UBOT"), Is.Not.TypeOf<CommandError>().And.Not.TypeOf<HelpCommand>(), example);
            Assert.That(examples, Does.Contain("plan deploy billing v12").And.Contain("rollback billing").And.Contain("history billing 5"));
        });
    }

    [Test]
    public void TheHelpListsTheCommandsBeforeTheUsageLine()
    {
        var help = HelpText.Build([HelpTextTests.Service("app", "^x$", "x")], _ => null, "@deploybot");
        Assert.Multiple(() =>
        {
            Assert.That(help.IndexOf("*Commands*", StringComparison.Ordinal), Is.GreaterThan(help.IndexOf("`app`", StringComparison.Ordinal)));
            Assert.That(help, Does.EndWith(UsageText.Build("@deploybot")));
            Assert.That(help, Does.Not.Contain("<service>"), "angle brackets are entities in mrkdwn");
        });
    }

    [Test]
    public void ExamplesFallBackToAnAppServiceWhenNoneIsConfigured() =>
        Assert.That(CommandHelp.Build([], "@deploybot"), Does.Contain("`@deploybot rollback app`"));

    [GeneratedRegex("e\\.g\\. `@deploybot ([^`]+)`")]
    private static partial Regex Example();
}
