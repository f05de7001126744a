using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Policy.Freezes;

/// <summary><c>deploy &lt;service&gt; &lt;version&gt; --break-glass &lt;reason&gt;</c>: the reason is the rest of the line.</summary>
public class BreakGlassParsingTests
{
    private const string Bot = "UBOT";

    [TestCase("<@UBOT> deploy app r-1.0.0 --break-glass outage INC-42, rollback broken", "outage INC-42, rollback broken")]
    [TestCase("<@UBOT> run deploy APP r-1.0.0   --BREAK-GLASS   fix   ", "fix")]
    [TestCase("<@UBOT> deploy app r-1.0.0 \u2014break-glass phone typed a dash", "phone typed a dash")]
    [TestCase("<@UBOT> deploy app r-1.0.0 --break-glass <!channel> hi", "<!channel> hi")]
    public void TheFlagTakesTheRestOfTheLineAsItsReason(string text, string reason) =>
        Assert.That(CommandParser.Parse(text, Bot), Is.EqualTo(new DeployCommand("app", "r-1.0.0", reason)));

    [Test]
    public void WithoutTheFlagThereIsNoReason() =>
        Assert.That(CommandParser.Parse("<@UBOT> deploy app r-1.0.0", Bot), Is.EqualTo(new DeployCommand("app", "r-1.0.0")));

    [TestCase("<@UBOT> deploy app r-1.0.0 --break-glass", "`--break-glass` needs a reason, for the approvers and the audit log: `deploy app r-1.0.0 --break-glass &lt;reason&gt;`")]
    [TestCase("<@UBOT> deploy app r-1.0.0 --break-glass    ", "`--break-glass` needs a reason")]
    [TestCase("<@UBOT> deploy app r-1.0.0 --force now", "unexpected text after the version: `--force now`")]
    [TestCase("<@UBOT> deploy app r-1.0.0 break-glass outage", "unexpected text after the version: `break-glass outage`")]
    public void AMissingReasonOrAnotherFlagIsRefused(string text, string error) =>
        Assert.That(CommandParser.Parse(text, Bot), Is.InstanceOf<CommandError>().With.Property(nameof(CommandError.Reason)).StartsWith(error));

    [Test]
    public void AnOverlongReasonIsRefused() =>
        Assert.That(
            CommandParser.Parse("<@UBOT> deploy app r-1.0.0 --break-glass " + new string('x', CommandParser.MaxReasonLength + 1), Bot),
            Is.EqualTo(new CommandError($"a break-glass reason is at most {CommandParser.MaxReasonLength} characters; that one is {CommandParser.MaxReasonLength + 1}")));
}
