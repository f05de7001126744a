using System.Text.RegularExpressions;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

public class VersionCheckTests
{
    private const string AppPattern = @"^r-\d+\.\d+\.\d+$";

    [TestCase(AppPattern, "r-99.1.0", true)]
    [TestCase(AppPattern, "r-\u0669\u0669.1.0", false)]
    [TestCase(AppPattern, "r-\uFF19\uFF19.1.0", false)]
    [TestCase(AppPattern, "r-99.1.0\n", false)]
    [TestCase(AppPattern, "xr-99.1.0", false)]
    [TestCase(AppPattern, "r-1.0.0;rm", false)]
    [TestCase(AppPattern, "$(id)", false)]
    [TestCase(AppPattern, "R-99.1.0", false)]
    [TestCase(@"\d+", "\u0669", false)]
    [TestCase(@"\w+", "\u0430pp", false)]
    [TestCase(@"r-\d+", "r-12", true)]
    [TestCase(@"r-\d+", "xr-12", false)]
    [TestCase(@"r-\d+", "r-12x", false)]
    [TestCase(@"r-\d+", "r-12\n", false)]
    [TestCase("a|b", "ab", false)]
    [TestCase("a|b", "b", true)]
    [TestCase("^a|b$", "xb", false)]
    [TestCase("^a|b$", "ax", false)]
    [TestCase(@"v\d+\.\d+", "v1.2", true)]
    public void CompiledPatternsAreAnchoredAndAscii(string pattern, string version, bool expected) =>
        Assert.That(VersionCheck.IsMatch(VersionCheck.Compile(pattern), version), Is.EqualTo(expected));

    [Test]
    public void CompilesWithEcmaScriptCultureInvariantAndATimeout()
    {
        var regex = VersionCheck.Compile(AppPattern);
        Assert.Multiple(() =>
        {
            Assert.That(regex.Options, Is.EqualTo(RegexOptions.ECMAScript | RegexOptions.CultureInvariant));
            Assert.That(regex.MatchTimeout, Is.EqualTo(VersionCheck.MatchTimeout));
        });
    }

    [TestCase(@"r-(\d+")]
    [TestCase(@"a)|(.*")]
    [TestCase(@"[z-a]")]
    [TestCase(@"\")]
    public void InvalidPatternsThrowWithAReason(string pattern) =>
        Assert.That(() => VersionCheck.Compile(pattern),
            Throws.ArgumentException.With.Message.Contains("does not compile").And.Message.Contains(pattern));

    [TestCase("")]
    [TestCase("   ")]
    public void EmptyPatternsThrow(string pattern) =>
        Assert.That(() => VersionCheck.Compile(pattern), Throws.ArgumentException.With.Message.Contains("empty"));

    [TestCase(@"\d*", true)]
    [TestCase("^$", true)]
    [TestCase("a?", true)]
    [TestCase(@"x|", true)]
    [TestCase(@"\d+", false)]
    [TestCase(AppPattern, false)]
    public void DetectsPatternsThatMatchTheEmptyString(string pattern, bool expected) =>
        Assert.That(VersionCheck.MatchesEmpty(VersionCheck.Compile(pattern)), Is.EqualTo(expected));

    [Test]
    public void ARunawayMatchCountsAsNoMatch()
    {
        var regex = VersionCheck.Compile("(a+)+b");
        Assert.That(VersionCheck.IsMatch(regex, new string('a', 40) + "c"), Is.False);
    }

    [Test]
    public void DescribesTheMismatch() =>
        Assert.That(VersionCheck.Describe("app", "r-1.0", AppPattern, "r-99.1.0"),
            Is.EqualTo(@"version `r-1.0` does not match app's format `^r-\d+\.\d+\.\d+$` (e.g. `r-99.1.0`)"));

    [Test]
    public void DescribesAServiceDefinition()
    {
        var service = HelpTextTests.Service("app", AppPattern, "r-99.1.0");
        Assert.Multiple(() =>
        {
            Assert.That(VersionCheck.IsMatch(service, "r-99.1.0"), Is.True);
            Assert.That(VersionCheck.Describe(service, "r-1"), Does.StartWith("version `r-1` does not match app's format"));
        });
    }

    [Test]
    public void TheDescriptionEscapesWhatTheUserTyped()
    {
        string message = VersionCheck.Describe("app", "<!channel>`", AppPattern, "r-99.1.0");
        Assert.That(message, Does.Contain("`&lt;!channel&gt;\u02CB`"));
        CommandParserTests.AssertSafeMrkdwn(message);
    }
}
