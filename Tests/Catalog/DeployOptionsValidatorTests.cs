using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Tests.Catalog;

public class DeployOptionsValidatorTests
{
    private static DeployOptions Valid() => new()
    {
        Channels = ["C0123PRODDEPLOY"],
        AuditLog = "audit.jsonl",
        Services = new(StringComparer.Ordinal)
        {
            ["app"] = new ServiceOptions
            {
                Description = "Public API",
                Document = "Deploy-App",
                DocumentVersion = "7",
                VersionPattern = @"^r-\d+\.\d+\.\d+$",
                Example = "r-99.1.0",
                Parameters = new(StringComparer.Ordinal) { ["ReleaseTag"] = "{version}", ["RequestedBy"] = "{user}" },
                Deployers = ["S0DEPLOYERS"],
                Approvers = ["U0BOB", "S0PRODAPPROVERS"],
            },
        },
    };

    private static IReadOnlyList<string> Failures(Action<DeployOptions> change)
    {
        var options = Valid();
        change(options);
        var result = new DeployOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Test]
    public void TheDocumentedCatalogIsValid() => Assert.That(Failures(_ => { }), Is.Empty);

    private static IEnumerable<TestCaseData> Rules()
    {
        TestCaseData Case(string name, Action<DeployOptions> change, string key, string words) =>
            new TestCaseData(change, key, words).SetName(name);
        static ServiceOptions App(DeployOptions o) => o.Services["app"];

        yield return Case("unknown placeholder", o => App(o).Parameters["ReleaseTag"] = "{release}", "Deploy:Services:app:Parameters:ReleaseTag", "{release}");
        yield return Case("pattern does not compile", o => App(o).VersionPattern = "^r-(\\d+$", "Deploy:Services:app:VersionPattern", "does not compile");
        yield return Case("pattern matches empty", o => { App(o).VersionPattern = "^.*$"; App(o).Example = "x"; }, "Deploy:Services:app:VersionPattern", "empty string");
        yield return Case("example rejected by pattern", o => App(o).Example = "v1.0", "Deploy:Services:app:Example", "does not match");
        yield return Case("no approvers", o => App(o).Approvers = [], "Deploy:Services:app:Approvers", "nobody may approve");
        yield return Case("no deployers", o => App(o).Deployers = [], "Deploy:Services:app:Deployers", "nobody may deploy");
        yield return Case("approver not an id", o => App(o).Approvers = ["bob"], "Deploy:Services:app:Approvers:0", "not a user ID");
        yield return Case("unpinned document version", o => App(o).DocumentVersion = "$LATEST", "Deploy:Services:app:DocumentVersion", "pinned");
        yield return Case("missing document", o => App(o).Document = "", "Deploy:Services:app:Document", "required");
        yield return Case("missing description", o => App(o).Description = "", "Deploy:Services:app:Description", "required");
        yield return Case("bad alias", o => o.Services["App Server"] = o.Services["app"], "Deploy:Services:App Server", "lower-case");
        yield return Case("bad channel id", o => o.Channels = ["#deploys"], "Deploy:Channels:0", "not a channel ID");
        yield return Case("no channels", o => o.Channels = [], "Deploy:Channels", "");
        yield return Case("no services", o => o.Services.Clear(), "Deploy:Services", "");
        yield return Case("quorum above approvers", o => { App(o).Approvers = ["U0BOB"]; App(o).RequiredApprovals = 2; }, "Deploy:Services:app:RequiredApprovals", "only 1");
        yield return Case("quorum out of range", o => App(o).RequiredApprovals = 0, "Deploy:Services:app:RequiredApprovals", "");
        yield return Case("no audit log", o => o.AuditLog = "", "Deploy:AuditLog", "required");
    }

    [TestCaseSource(nameof(Rules))]
    public void EachRuleNamesItsKey(Action<DeployOptions> change, string key, string words)
    {
        var failures = Failures(change);
        Assert.That(failures, Has.Some.StartsWith(key + ":").And.Contains(words));
    }
}

/// <summary>VersionPattern messages an admin can act on: said once, in the parser's words, and what "match" means.</summary>
public class VersionPatternMessageTests
{
    private static IReadOnlyList<string> Failures(string pattern, string example)
    {
        var options = new DeployOptions
        {
            Channels = ["C0123PRODDEPLOY"],
            Services = new(StringComparer.Ordinal)
            {
                ["app"] = new ServiceOptions
                {
                    Description = "Public API", Document = "Deploy-App", DocumentVersion = "7",
                    VersionPattern = pattern, Example = example, Deployers = ["S0DEPLOYERS"], Approvers = ["U0BOB"],
                },
            },
        };
        var result = new DeployOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Test]
    public void APatternThatDoesNotCompileIsOneCleanLine()
    {
        var failures = Failures(@"^r-(\d+$", "r-1");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.EqualTo(new[] { @"Deploy:Services:app:VersionPattern: '^r-(\d+$' does not compile: Not enough )'s (at offset 8)" }));
            Assert.That(failures[0], Does.Not.Contain("(Parameter"));
        });
    }

    [Test]
    public void AnExampleItsPatternRejectsSaysTheWholeVersionMustMatch()
    {
        var failures = Failures(@"r-\d+", "r-99.1.0");
        Assert.That(failures, Is.EqualTo(new[]
        {
            @"Deploy:Services:app:Example: 'r-99.1.0' does not match its own VersionPattern r-\d+ (the pattern must match the whole version, as if written between ^ and $)",
        }));
    }
}
