using System.Text;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public class SlackTextTests
{
    private static readonly string[] Hostile =
    [
        "<!channel>", "<!here>", "<!everyone>", "<!subteam^S0PROD|@prod>", "<@U0BOB>", "<#C0123|prod>",
        "<http://evil.example|app>", "<https://evil.example>", "<mailto:x@y.z|x>", "&lt;!channel&gt;",
        "`code` break", "```block```", "@here", "@channel now", "line\nbreak", "\u202Eevil", "a\u200Bb",
        "<<!here>>", "<", ">", "&", "\uD800", "<!date^1392734382^{date}|Feb 18>",
    ];

    [TestCase("<@UBOT> help", "  help")]
    [TestCase("<@UBOT|deploybot>help", " help")]
    [TestCase("help<@UBOT>status", "help status")]
    [TestCase("<@UOTHER> help", "<@UOTHER> help")]
    [TestCase("<@UBOTX|x>", "<@UBOTX|x>")]
    [TestCase("<!channel> and <!subteam^S1|@g>", "<!channel> and <!subteam^S1|@g>")]
    [TestCase("<#C1|general>", "<#C1|general>")]
    [TestCase("a &amp; b &lt;c&gt;", "a & b <c>")]
    [TestCase("&amp;lt;", "&lt;")]
    [TestCase("&nbsp; &", "&nbsp; &")]
    [TestCase("<mailto:bob@example.com|bob@example.com>", "bob@example.com")]
    [TestCase("<http://evil.example|app>", "app")]
    [TestCase("<HTTPS://x.example/a?b=1&amp;c=2>", "HTTPS://x.example/a?b=1&c=2")]
    [TestCase("<http://x|a &amp; b>", "a & b")]
    [TestCase("<http://x|&lt;!here&gt;>", "<!here>")]
    [TestCase("a < b", "a < b")]
    [TestCase("x <y <@UBOT> z", "x <y   z")]
    [TestCase("plain text", "plain text")]
    public void Normalize(string raw, string expected) =>
        Assert.That(SlackText.Normalize(raw, "UBOT"), Is.EqualTo(expected));

    [TestCase("a&b", "a&amp;b")]
    [TestCase("<!channel>", "&lt;!channel&gt;")]
    [TestCase("`x`", "\u02CBx\u02CB")]
    [TestCase("@here", "@\u2060here")]
    [TestCase("a\u202Eb", "a\uFFFDb")]
    [TestCase("a\u200Bb", "a\uFFFDb")]
    [TestCase("a\tb\u00A0c", "a b c")]
    [TestCase("r-1.0.0", "r-1.0.0")]
    [TestCase("\u0430pp", "\u0430pp")]
    public void Escape(string text, string expected) =>
        Assert.That(SlackText.Escape(text), Is.EqualTo(expected));

    [TestCaseSource(nameof(Hostile))]
    public void EscapedTextIsInert(string text)
    {
        string escaped = SlackText.Escape(text);
        Assert.That(escaped, Does.Not.Contain("<!").And.Not.Contain("<@").And.Not.Contain("<#").And.Not.Contain("<http"));
        CommandParserTests.AssertSafeMrkdwn(SlackText.InlineCode(text));
    }

    [Test]
    public void RandomMixturesOfDangerousCharactersStayInert()
    {
        const string alphabet = "<>&!@#`|^*_~ \n\u202E\u200B\u00A0aZ9";
        var random = new Random(20_241_129);
        var text = new StringBuilder();
        for (int round = 0; round < 500; round++)
        {
            text.Clear();
            int length = random.Next(1, 40);
            for (int i = 0; i < length; i++)
                text.Append(alphabet[random.Next(alphabet.Length)]);
            string inline = SlackText.InlineCode(text.ToString());
            CommandParserTests.AssertSafeMrkdwn(inline);
            Assert.That(inline.Trim('`'), Does.Not.Contain("`"), text.ToString());
        }
    }

    [Test]
    public void LongTextIsCutWithAnEllipsis()
    {
        string escaped = SlackText.Escape(new string('x', 500));
        Assert.That(escaped, Is.EqualTo(new string('x', SlackText.MaxEchoLength) + "…"));
    }

    [Test]
    public void TextAtTheCapIsNotCut() =>
        Assert.That(SlackText.Escape(new string('x', SlackText.MaxEchoLength)), Does.Not.EndWith("…"));

    [Test]
    public void CuttingNeverSplitsASurrogatePair()
    {
        string text = new string('x', SlackText.MaxEchoLength - 1) + "\U0001F600tail";
        string escaped = SlackText.Escape(text);
        Assert.That(escaped, Does.Not.Contain("\uFFFD").And.EqualTo(new string('x', SlackText.MaxEchoLength - 1) + "…"));
    }

    [Test]
    public void EntitiesAreNotCutInHalf()
    {
        string escaped = SlackText.Escape(new string('x', 9) + "<<<<", maxLength: 10);
        Assert.That(escaped, Is.EqualTo("xxxxxxxxx&lt;…"));
    }

    [Test]
    public void InlineCodeWrapsInBackticks() =>
        Assert.That(SlackText.InlineCode("<x>"), Is.EqualTo("`&lt;x&gt;`"));

    [Test]
    public void EscapeEntitiesKeepsTheAtSign() =>
        Assert.That(SlackText.EscapeEntities("@deploy<bot>&"), Is.EqualTo("@deploy&lt;bot&gt;&amp;"));
}
