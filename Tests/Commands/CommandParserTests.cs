using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public class CommandParserTests
{
    private static readonly string[] Pings = ["@here", "@channel", "@everyone"];

    [TestCaseSource(typeof(CommandParserCases), nameof(CommandParserCases.All))]
    public void Parse(string text, Expected expected)
    {
        var actual = CommandParser.Parse(text, CommandParserCases.Bot);

        if (expected.Command is not null)
        {
            Assert.That(actual, Is.EqualTo(expected.Command));
            return;
        }

        Assert.That(actual, Is.TypeOf<CommandError>());
        string reason = ((CommandError)actual).Reason;
        Assert.Multiple(() =>
        {
            foreach (var fragment in expected.ErrorFragments)
                Assert.That(reason, Does.Contain(fragment));
            AssertSafeMrkdwn(reason);
        });
    }

    [Test]
    public void TheCasesAreMany()
    {
        Assert.That(CommandParserCases.All().Count(), Is.GreaterThanOrEqualTo(80));
    }

    [Test]
    public void RefusesNullArguments()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => CommandParser.Parse(null!, "UBOT"), Throws.ArgumentNullException);
            Assert.That(() => CommandParser.Parse("help", null!), Throws.ArgumentNullException);
        });
    }

    [Test]
    public void StatusKnowsWhetherItTargetsAnExecution()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new StatusCommand("4105a4fc-f944-11e6-9d32-0123456789ab").TargetsExecution, Is.True);
            Assert.That(new StatusCommand("app").TargetsExecution, Is.False);
            Assert.That(new StatusCommand(null).TargetsExecution, Is.False);
        });
    }

    [TestCase("4105a4fc-f944-11e6-9d32-0123456789ab", true)]
    [TestCase("4105A4FC-F944-11E6-9D32-0123456789AB", true)]
    [TestCase("4105a4fc-f944-11e6-9d32-0123456789a", false)]
    [TestCase("4105a4fcf-944-11e6-9d32-0123456789ab", false)]
    [TestCase("4105a4fc-f944-11e6-9d32-0123456789ag", false)]
    [TestCase("{105a4fc-f944-11e6-9d32-0123456789a}", false)]
    [TestCase("", false)]
    public void IsExecutionId(string token, bool expected) =>
        Assert.That(CommandParser.IsExecutionId(token), Is.EqualTo(expected));

    /// <summary>What every error reason must be, whatever the input: postable as is without pinging or forging anything.</summary>
    internal static void AssertSafeMrkdwn(string text)
    {
        Assert.That(text, Does.Not.Contain("<"), "a raw '<' could open Slack markup");
        Assert.That(text, Does.Not.Contain(">"), "a raw '>' is unescaped");
        Assert.That(text, Does.Not.Contain("\n"));
        Assert.That(text, Has.Length.LessThan(600), "errors are short");
        Assert.That(text.Count(c => c == '`') % 2, Is.Zero, "code spans are balanced");
        foreach (var ping in Pings)
            Assert.That(text, Does.Not.Contain(ping).IgnoreCase);
    }
}
