using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Tests.Catalog;

public class ChangesOptionsValidatorTests
{
    private static Dictionary<string, ServiceOptions> Services(params (string Alias, Action<ServiceOptions> Set)[] services)
    {
        var all = new Dictionary<string, ServiceOptions>(StringComparer.Ordinal);
        foreach (var (alias, set) in services)
        {
            var service = new ServiceOptions();
            set(service);
            all[alias] = service;
        }

        return all;
    }

    private static List<string> Failures(params (string Alias, Action<ServiceOptions> Set)[] services) =>
        [.. ChangesOptionsValidator.Failures(Services(services))];

    [TestCase("https://github.com/org/app", "https://github.com/org/app/compare/{from}...{to}")]
    [TestCase("https://github.com/org/app.git", "https://github.com/org/app/compare/{from}...{to}")]
    [TestCase("https://github.example.com/org/app/", "https://github.example.com/org/app/compare/{from}...{to}")]
    [TestCase("https://gitlab.com/group/sub/app", "https://gitlab.com/group/sub/app/-/compare/{from}...{to}")]
    [TestCase("https://gitlab.internal/org/app", "https://gitlab.internal/org/app/-/compare/{from}...{to}")]
    public void GitHubAndGitLabComparisonsAreDerived(string repository, string template)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CompareUrlTemplate.Of(repository, null), Is.EqualTo(template));
            Assert.That(Failures(("app", s => s.Repository = repository)), Is.Empty);
        });
    }

    [Test]
    public void AConfiguredCompareUrlWinsOverTheRepository() =>
        Assert.That(CompareUrlTemplate.Of("https://github.com/org/app", "https://code.example.com/diff?a={from}&b={to}"),
            Is.EqualTo("https://code.example.com/diff?a={from}&b={to}"));

    [Test]
    public void FillingEscapesTheVersions() =>
        Assert.That(CompareUrlTemplate.Fill("https://github.com/o/a/compare/{from}...{to}", "r-1 #2", "r/3")!.AbsoluteUri,
            Is.EqualTo("https://github.com/o/a/compare/r-1%20%232...r%2F3"));

    [Test]
    public void NoTemplateMeansNoLink() => Assert.That(CompareUrlTemplate.Fill(null, "a", "b"), Is.Null);

    private static IEnumerable<TestCaseData> Rules()
    {
        TestCaseData Case(string name, string key, string words, params (string, Action<ServiceOptions>)[] services) =>
            new TestCaseData(services, key, words).SetName(name);

        yield return Case("repository not a URL", "Deploy:Services:app:Repository", "not an http(s) URL", ("app", s => s.Repository = "org/app"));
        yield return Case("repository on an unknown host", "Deploy:Services:app:CompareUrl", "neither GitHub nor GitLab", ("app", s => s.Repository = "https://code.example.com/app"));
        yield return Case("compare url without {to}", "Deploy:Services:app:CompareUrl", "needs both {from} and {to}", ("app", s => s.CompareUrl = "https://code.example.com/diff/{from}"));
        yield return Case("compare url with another placeholder", "Deploy:Services:app:CompareUrl", "unknown placeholder {version}", ("app", s => s.CompareUrl = "https://x.example/{from}/{to}/{version}"));
        yield return Case("compare url not http", "Deploy:Services:app:CompareUrl", "not an http(s) URL", ("app", s => s.CompareUrl = "ftp://x.example/{from}/{to}"));
        yield return Case("requires an unknown service", "Deploy:Services:app:RequiresSuccessOn", "'staging' is not a service", ("app", s => s.RequiresSuccessOn = "staging"));
        yield return Case("requires itself", "Deploy:Services:app:RequiresSuccessOn", "cannot require success on itself", ("app", s => s.RequiresSuccessOn = "app"));
        yield return Case("requires in a cycle", "Deploy:Services:app:RequiresSuccessOn", "app → staging → app is a cycle",
            ("app", s => s.RequiresSuccessOn = "staging"), ("staging", s => s.RequiresSuccessOn = "app"));
    }

    [TestCaseSource(nameof(Rules))]
    public void EachRuleNamesItsKey((string Alias, Action<ServiceOptions> Set)[] services, string key, string words) =>
        Assert.That(Failures(services), Has.Some.StartsWith(key + ": ").And.Some.Contains(words));

    [Test]
    public void AChainWithoutACycleIsValid() =>
        Assert.That(Failures(("app", s => s.RequiresSuccessOn = "staging"), ("staging", s => s.RequiresSuccessOn = "dev"), ("dev", _ => { })), Is.Empty);

    [Test]
    public void TheCatalogCarriesTheTemplateAndTheRule()
    {
        var options = new DeployOptions
        {
            Channels = ["C0123PRODDEPLOY"],
            Services = Services(
                ("app", s => { Fill(s); s.Repository = "https://github.com/org/app"; s.RequiresSuccessOn = "app-staging"; }),
                ("app-staging", Fill)),
        };
        var catalog = new ServiceCatalog(options);
        Assert.Multiple(() =>
        {
            Assert.That(new DeployOptionsValidator().Validate(null, options).Failed, Is.False);
            Assert.That(catalog.ByName["app"].CompareUrl, Is.EqualTo("https://github.com/org/app/compare/{from}...{to}"));
            Assert.That(catalog.ByName["app"].RequiresSuccessOn, Is.EqualTo("app-staging"));
            Assert.That(catalog.ByName["app-staging"].CompareUrl, Is.Null);
            Assert.That(catalog.ByName["app-staging"].RequiresSuccessOn, Is.Null);
        });
    }

    private static void Fill(ServiceOptions s)
    {
        s.Description = "d";
        s.Document = "Deploy-X";
        s.DocumentVersion = "1";
        s.VersionPattern = "^r-\\d+$";
        s.Example = "r-1";
        s.Deployers = ["S0DEPLOYERS"];
        s.Approvers = ["U0BOB"];
    }
}
