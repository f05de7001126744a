using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public class ServiceSuggestionTests
{
    private static readonly string[] Services = ["app", "web-frontend", "billing", "db"];

    [TestCase("apq", "app")]
    [TestCase("ap", "app")]
    [TestCase("apps", "app")]
    [TestCase("billing-eu", "billing")]
    [TestCase("appp", "app")]
    [TestCase("web-frnotend", "web-frontend")]
    [TestCase("web", "web-frontend")]
    [TestCase("biling", "billing")]
    [TestCase("BILLING", "billing")]
    [TestCase("app", "app")]
    [TestCase("dv", "db")]
    public void SuggestsTheClosest(string typed, string expected) =>
        Assert.That(ServiceSuggestion.Closest(typed, Services), Is.EqualTo(expected));

    [TestCase("zzzzzz")]
    [TestCase("x")]
    [TestCase("")]
    [TestCase("payments")]
    [TestCase("w")]
    public void SuggestsNothingWhenNothingIsClose(string typed) =>
        Assert.That(ServiceSuggestion.Closest(typed, Services), Is.Null);

    [Test]
    public void PrefersTheSmallerDistance() =>
        Assert.That(ServiceSuggestion.Closest("bcde", ["xcdx", "bcdx"]), Is.EqualTo("bcdx"));

    [Test]
    public void PrefersAPrefixToAnEdit() =>
        Assert.That(ServiceSuggestion.Closest("apps", ["apis", "app"]), Is.EqualTo("app"));

    [Test]
    public void BreaksTiesInOrdinalOrder() =>
        Assert.That(ServiceSuggestion.Closest("ab", ["ac", "aa"]), Is.EqualTo("aa"));

    [Test]
    public void ToleratesEmptyCatalogsAndHugeNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ServiceSuggestion.Closest("app", []), Is.Null);
            Assert.That(ServiceSuggestion.Closest(new string('a', 1000), ["a"]), Is.Null);
            Assert.That(ServiceSuggestion.Closest("ap", [new string('a', 1) + "p" + new string('x', 500)]), Is.Not.Null);
        });
    }

    [Test]
    public void DescribesAnUnknownServiceWithASuggestion() =>
        Assert.That(ServiceSuggestion.DescribeUnknown("apq", Services), Is.EqualTo("unknown service `apq` — did you mean `app`?"));

    [Test]
    public void DescribesAnUnknownServiceByListingTheKnownOnes() =>
        Assert.That(ServiceSuggestion.DescribeUnknown("zzzzzz", Services),
            Is.EqualTo("unknown service `zzzzzz`; services: `app`, `billing`, `db`, `web-frontend`"));

    [Test]
    public void DescribesAnUnknownServiceSafely()
    {
        string message = ServiceSuggestion.DescribeUnknown("<!here>", []);
        Assert.That(message, Is.EqualTo("unknown service `&lt;!here&gt;`; no services are configured"));
        CommandParserTests.AssertSafeMrkdwn(message);
    }

    [TestCase("kitten", "sitting", 3)]
    [TestCase("ca", "ac", 1)]
    [TestCase("abc", "abc", 0)]
    [TestCase("", "abc", 3)]
    [TestCase("abc", "", 3)]
    [TestCase("ApP", "app", 0)]
    public void Distance(string a, string b, int expected) =>
        Assert.That(ServiceSuggestion.Distance(a, b), Is.EqualTo(expected));
}
