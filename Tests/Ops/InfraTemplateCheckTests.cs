namespace SocketDeployer.Tests.Ops;

/// <summary>Checks every CloudFormation template in infra/ passes, whichever it is.</summary>
public class InfraTemplateCheckTests
{
    private static IEnumerable<string> Templates() => InfraTemplates.All();

    [Test]
    public void FindsEveryTemplate() =>
        Assert.That(InfraTemplates.All(), Is.SupersetOf(new[] { InfraTemplates.Daemon, InfraTemplates.AutomationRole, InfraTemplates.Gate }.Concat(InfraTemplates.Documents)));

    [TestCaseSource(nameof(Templates))]
    public void EveryReferenceResolves(string path) =>
        Assert.That(CloudFormationReferences.Unresolved(RepoFiles.LoadYaml(path)), Is.Empty);

    [TestCaseSource(nameof(Templates))]
    public void UsesShortFormTagsTheCheckerUnderstands(string path)
    {
        var tags = RepoFiles.LoadYaml(path).Descendants().Where(n => !n.Tag.IsEmpty).Select(n => n.Tag.Value).ToHashSet();

        Assert.That(tags, Is.SubsetOf(CloudFormationReferences.ShortFormTags).And.Not.Empty);
    }

    [TestCaseSource(nameof(Templates))]
    public void CfnLintFindsNothing(string path)
    {
        var (exitCode, output) = CfnLintOfAll.Value;
        var findings = output.Split('\n').Where(line => line.StartsWith(RepoFiles.PathOf(path) + ":", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(findings, Is.Empty);
            // A non-zero exit with no finding for any template is cfn-lint itself failing: every case says so.
            Assert.That(exitCode == 0 || Templates().Any(t => output.Contains(RepoFiles.PathOf(t) + ":", StringComparison.Ordinal)), Is.True, output);
        });
    }

    // cfn-lint expands Fn::ForEach and knows every service's IAM actions and resource schemas. One run over every
    // template (one Python start-up, not one per template); its parseable format starts each finding with the path.
    // Ignored, with the reason, where it is not installed; .ci/run installs it.
    private static readonly Lazy<(int ExitCode, string Output)> CfnLintOfAll = new(() =>
        ExternalTool.Run("cfn-lint", "apt-get install cfn-lint or pip install cfn-lint", null,
            ["--format", "parseable", .. Templates().Select(RepoFiles.PathOf)]));
}
