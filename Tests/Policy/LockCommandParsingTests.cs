using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Policy;

/// <summary>The <c>lock</c> and <c>unlock</c> grammar.</summary>
public class LockCommandParsingTests
{
    private const string Bot = "UBOT";

    [TestCase("<@UBOT> lock app db migration, back at 3", "app", "db migration, back at 3")]
    [TestCase("<@UBOT> LOCK App   incident   42  ", "app", "incident   42")]
    [TestCase("<@UBOT> lock ui <!channel> look", "ui", "<!channel> look")]
    public void LockTakesAServiceAndTheRestOfTheLineAsItsReason(string text, string service, string reason) =>
        Assert.That(CommandParser.Parse(text, Bot), Is.EqualTo(new LockCommand(service, reason)));

    [TestCase("<@UBOT> unlock app", "app")]
    [TestCase("<@UBOT> Unlock UI", "ui")]
    public void UnlockTakesAService(string text, string service) =>
        Assert.That(CommandParser.Parse(text, Bot), Is.EqualTo(new UnlockCommand(service)));

    [TestCase("<@UBOT> lock", "`lock` needs a service and a reason")]
    [TestCase("<@UBOT> lock app", "needs a reason after the service")]
    [TestCase("<@UBOT> lock app    ", "needs a reason after the service")]
    [TestCase("<@UBOT> lock \u0430pp outage", "U+0430 CYRILLIC SMALL LETTER A")]
    [TestCase("<@UBOT> unlock", "`unlock` needs a service")]
    [TestCase("<@UBOT> unlock app now", "unexpected text after the service")]
    [TestCase("<@UBOT> unlok app", "did you mean `unlock`?")]
    public void MistakesGetOneSpecificReason(string text, string fragment)
    {
        var parsed = CommandParser.Parse(text, Bot);

        Assert.That(parsed, Is.TypeOf<CommandError>());
        Assert.That(((CommandError)parsed).Reason, Does.Contain(fragment));
    }

    [Test]
    public void AnOverlongReasonIsRefusedWithItsLength()
    {
        var parsed = CommandParser.Parse("<@UBOT> lock app " + new string('x', CommandParser.MaxReasonLength + 1), Bot);

        Assert.That(((CommandError)parsed).Reason, Does.Contain("at most 200 characters; that one is 201"));
    }
}
