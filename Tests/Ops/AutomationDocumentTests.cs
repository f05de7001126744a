using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

[TestFixtureSource(typeof(InfraTemplates), nameof(InfraTemplates.Documents))]
public partial class AutomationDocumentTests(string path)
{
    private readonly YamlNode template = RepoFiles.LoadYaml(path);

    private YamlNode Document => InfraTemplates.Content(template);

    private List<YamlNode> Steps => ((YamlSequenceNode)Document.At("mainSteps")).Children.ToList();

    private HashSet<string> Parameters => Document.At("parameters").Entries().Select(e => e.Key).ToHashSet();

    [Test]
    public void IsAnSsmAutomationDocumentResourceThatAddsVersions()
    {
        var properties = InfraTemplates.DocumentResource(template).At("Properties");

        Assert.Multiple(() =>
        {
            Assert.That(properties.At("DocumentType").Scalar(), Is.EqualTo("Automation"));
            Assert.That(properties.At("UpdateMethod").Scalar(), Is.EqualTo("NewVersion"), "a replaced document would lose the version the catalog pins");
            Assert.That(InfraTemplates.Describe(properties.At("Name")), Is.EqualTo("!Ref DocumentName"));
        });
    }

    [Test]
    public void IsAnAutomationDocumentThatAssumesItsRole()
    {
        Assert.That(Document.At("schemaVersion").Scalar(), Is.EqualTo("0.3"));
        Assert.That(Document.At("assumeRole").Scalar(), Is.EqualTo("{{ AutomationAssumeRole }}"));
    }

    [Test]
    public void TakesTheCatalogsParametersAndDefaultsTheRest()
    {
        var withoutDefault = Document.At("parameters").Entries().Where(e => e.Value.Get("default") is null).Select(e => e.Key);

        Assert.That(Parameters, Is.SupersetOf(new[] { "ReleaseTag", "RequestedBy" }));
        Assert.That(withoutDefault, Is.EquivalentTo(new[] { "ReleaseTag", "RequestedBy" }),
            "the daemon passes only these (appsettings.json Parameters); anything else must have a default");
    }

    [Test]
    public void DefaultsItsRoleApproverAndQueueToTheOtherStacksExports()
    {
        var daemon = RepoFiles.LoadYaml(InfraTemplates.Daemon);
        var role = RepoFiles.LoadYaml(InfraTemplates.AutomationRole);
        string? Imported(string parameter) => InfraTemplates.ImportedName(Document.At("parameters", parameter, "default"));

        Assert.Multiple(() =>
        {
            // An export name is "<stack>-<suffix>"; the document imports "<its stack parameter>-<suffix>".
            Assert.That(Imported("AutomationAssumeRole"), Is.EqualTo("${AutomationRoleStack}-RoleArn"));
            Assert.That(InfraTemplates.ExportName(role, "RoleArn"), Is.EqualTo("${AWS::StackName}-RoleArn"));
            Assert.That(InfraTemplates.Describe(role.At("Outputs", "RoleArn", "Value")), Is.EqualTo("!GetAtt AutomationRole.Arn"));

            Assert.That(Imported("DaemonRoleArn"), Is.EqualTo("${DaemonStack}-RoleArn"));
            Assert.That(InfraTemplates.ExportName(daemon, "RoleArn"), Is.EqualTo("${AWS::StackName}-RoleArn"));
            Assert.That(InfraTemplates.Describe(daemon.At("Outputs", "RoleArn", "Value")), Is.EqualTo("!GetAtt DaemonRole.Arn"));

            Assert.That(Imported("ProgressQueueUrl"), Is.EqualTo("${DaemonStack}-QueueUrl"));
            Assert.That(InfraTemplates.ExportName(daemon, "QueueUrl"), Is.EqualTo("${AWS::StackName}-QueueUrl"));
            Assert.That(InfraTemplates.Describe(daemon.At("Outputs", "QueueUrl", "Value")), Is.EqualTo("!Ref EventQueue"));

            Assert.That(InfraTemplates.DefaultOf(template, "DaemonStack"), Is.EqualTo("socketdeployer"));
            Assert.That(InfraTemplates.DefaultOf(template, "AutomationRoleStack"), Is.EqualTo("socketdeployer-automation"));
        });
    }

    [Test]
    public void AsksTheDaemonsRoleForApproval()
    {
        var approve = Steps.Single(s => s.Get("action").Scalar() == "aws:approve");

        Assert.That(approve.At("inputs", "Approvers").Scalars(), Is.EqualTo(new[] { "{{ DaemonRoleArn }}" }));
        Assert.That(approve.At("inputs", "MinRequiredApprovals").Scalar(), Is.EqualTo("1"),
            "the daemon counts RequiredApprovals in Slack and sends one signal");
        Assert.That(Parameters, Does.Contain("DaemonRoleArn"));
        Assert.That(approve.At("inputs", "Message").Scalar(), Is.Not.Empty);
    }

    [Test]
    public void SendsProgressLinesInTheDaemonsFormat()
    {
        var send = Steps.Single(s => s.At("action").Scalar() == "aws:executeAwsApi" && s.At("inputs", "Api").Scalar() == "SendMessage");
        var body = send.At("inputs", "MessageBody").Scalar()!;

        using var json = JsonDocument.Parse(Placeholder().Replace(body, "x"));

        Assert.That(json.RootElement.GetProperty("socketdeployer").GetInt32(), Is.EqualTo(1));
        Assert.That(body, Does.Contain("\"executionId\":\"{{ automation:EXECUTION_ID }}\""));
        Assert.That(json.RootElement.GetProperty("text").GetString(), Is.Not.Empty);
    }

    [Test]
    public void BuildsRecordsApprovesThenRollsOut()
    {
        var order = Steps.Select(s => s.At("action").Scalar() + " " + s.Get("inputs")?.Get("Api").Scalar()).ToList();

        Assert.That(order.IndexOf("aws:executeAwsApi StartBuild"), Is.GreaterThanOrEqualTo(0));
        Assert.That(order.IndexOf("aws:executeAwsApi StartBuild"), Is.LessThan(order.IndexOf("aws:executeAwsApi PutParameter")));
        Assert.That(order.IndexOf("aws:executeAwsApi PutParameter"), Is.LessThan(order.IndexOf("aws:approve ")));
        Assert.That(order.IndexOf("aws:approve "), Is.LessThan(order.IndexOf("aws:executeAwsApi UpdateService")));
        Assert.That(order, Does.Contain("aws:waitForAwsResourceProperty BatchGetBuilds"));
    }

    [Test]
    public void EveryPlaceholderNamesAParameterAStepOutputOrAnAutomationVariable()
    {
        var outputs = Steps.SelectMany(s => (s.Get("outputs") as YamlSequenceNode)?.Children ?? [])
            .Select(o => o.Get("Name").Scalar()).ToHashSet();
        var stepNames = Steps.Select(s => s.Get("name").Scalar()).ToHashSet();
        var placeholders = Document.Descendants().OfType<YamlScalarNode>()
            .SelectMany(s => Placeholder().Matches(s.Value ?? string.Empty))
            .Select(m => m.Groups[1].Value)
            .ToList();

        bool Resolves(string name) => name.StartsWith("automation:", StringComparison.Ordinal)
            || Parameters.Contains(name)
            || (name.Split('.') is [var step, var output] && stepNames.Contains(step) && outputs.Contains(output));

        Assert.That(placeholders, Is.Not.Empty);
        Assert.That(placeholders.Where(p => !Resolves(p)), Is.Empty);
    }

    [Test]
    public void EndsWithTheLastStep()
    {
        Assert.That(Steps[^1].Get("isEnd").Scalar(), Is.EqualTo("true"));
        Assert.That(Steps.Take(Steps.Count - 1).Where(s => s.Get("isEnd") is not null), Is.Empty, "a step after an isEnd would never run");
    }

    [GeneratedRegex(@"\{\{\s*([^}\s]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
