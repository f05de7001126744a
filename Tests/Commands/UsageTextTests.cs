using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public class UsageTextTests
{
    [Test]
    public void NamesEveryVerb() =>
        Assert.That(UsageText.Build("@deploybot"), Is.EqualTo(
            "Usage: `@deploybot run deploy &lt;service&gt; &lt;version&gt;` · `status [service|execution-id]` · "
            + "`cancel &lt;execution-id&gt;` · `lock &lt;service&gt; &lt;reason&gt;` · `unlock &lt;service&gt;` · "
            + "`history &lt;service&gt; [count]` · `rollback &lt;service&gt; [version]` · `plan deploy &lt;service&gt; &lt;version&gt;` · `help`"));

    [Test]
    public void TheBotMentionIsEscaped()
    {
        string usage = UsageText.Build("<!here>`");
        Assert.That(usage, Does.StartWith("Usage: `&lt;!here&gt;\u02CB run deploy"));
        CommandParserTests.AssertSafeMrkdwn(usage);
    }
}
