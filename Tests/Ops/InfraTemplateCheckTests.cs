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
        // cfn-lint expands Fn::ForEach and knows every service's IAM actions and resource schemas.
        // Ignored, with the reason, where it is not installed; .ci/run installs it.
        var (exitCode, output) = ExternalTool.Run("cfn-lint", "apt-get install cfn-lint or pip install cfn-lint", null, RepoFiles.PathOf(path));

        Assert.That(exitCode, Is.Zero, output);
    }
}
