using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

public class AutomationRoleTemplateTests
{
    private static readonly YamlNode Template = RepoFiles.LoadYaml(InfraTemplates.AutomationRole);
    private static readonly YamlNode Role = Template.At("Resources", "AutomationRole");

    [Test]
    public void OnlySystemsManagerMayAssumeItForThisAccountsExecutions()
    {
        var statement = ((YamlSequenceNode)Role.At("Properties", "AssumeRolePolicyDocument", "Statement")).Children.Single();

        Assert.Multiple(() =>
        {
            Assert.That(statement.At("Effect").Scalar(), Is.EqualTo("Allow"));
            Assert.That(statement.At("Principal").Entries().Select(e => e.Key), Is.EqualTo(new[] { "Service" }));
            Assert.That(statement.At("Principal", "Service").Scalars(), Is.EqualTo(new[] { "ssm.amazonaws.com" }));
            Assert.That(statement.At("Action").Scalars(), Is.EqualTo(new[] { "sts:AssumeRole" }));
            Assert.That(InfraTemplates.Describe(statement.At("Condition", "StringEquals", "aws:SourceAccount")), Is.EqualTo("!Ref AWS::AccountId"));
            Assert.That(statement.At("Condition", "ArnLike", "aws:SourceArn").Scalar(), Does.EndWith(":${AWS::AccountId}:automation-execution/*"));
        });
    }

    [Test]
    public void GrantsExactlyTheApisTheExampleDocumentsCall()
    {
        var called = InfraTemplates.Documents
            .SelectMany(path => InfraTemplates.ApiActions(InfraTemplates.Content(RepoFiles.LoadYaml(path))))
            .ToHashSet(StringComparer.Ordinal);

        var granted = CloudFormationIam.AllowStatements(Template).SelectMany(CloudFormationIam.Actions).ToHashSet(StringComparer.Ordinal);

        Assert.That(called, Is.Not.Empty);
        Assert.That(granted, Is.EquivalentTo(called));
    }

    [Test]
    public void GrantsNoWildcards()
    {
        var statements = CloudFormationIam.AllowStatements(Template);

        Assert.That(statements.SelectMany(CloudFormationIam.Actions), Has.None.Contains('*'));
        Assert.That(statements.Select(s => InfraTemplates.Describe(s.Get("Resource"))), Has.None.EqualTo("*"));
    }

    [TestCase("infra/deploy-app.yaml", "BuildProject", "AppBuildProject")]
    [TestCase("infra/deploy-app.yaml", "EcsService", "AppEcsService")]
    [TestCase("infra/deploy-app.yaml", "Cluster", "Cluster")]
    [TestCase("infra/deploy-ui.yaml", "BuildProject", "UiBuildProject")]
    [TestCase("infra/deploy-ui.yaml", "EcsService", "UiEcsService")]
    [TestCase("infra/deploy-ui.yaml", "Cluster", "Cluster")]
    [TestCase("infra/deploy-ui.yaml", "DistributionId", "UiDistributionId")]
    public void ItsResourcesAreTheOnesTheDocumentsDefaultTo(string document, string documentParameter, string roleParameter) =>
        Assert.That(InfraTemplates.DefaultOf(RepoFiles.LoadYaml(document), documentParameter), Is.EqualTo(InfraTemplates.DefaultOf(Template, roleParameter)));

    [Test]
    public void MayRecordEveryParameterTheDocumentsWrite()
    {
        var written = InfraTemplates.Documents
            .SelectMany(path => ((YamlSequenceNode)InfraTemplates.Content(RepoFiles.LoadYaml(path)).At("mainSteps")).Children)
            .Where(step => step.Get("inputs")?.Get("Api").Scalar() == "PutParameter")
            .Select(step => step.At("inputs", "Name").Scalar())
            .ToList();
        var resources = CloudFormationIam.AllowStatements(Template)
            .Single(s => CloudFormationIam.Actions(s).Contains("ssm:PutParameter"))
            .Get("Resource").Scalars().ToList();

        Assert.That(written, Is.Not.Empty);
        Assert.That(written.Select(name => resources.Any(r => r.EndsWith(":parameter" + name, StringComparison.Ordinal))), Is.All.True, string.Join(", ", resources));
    }
}
