using System.Text.Json;
using SocketDeployer.Core.Catalog;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

/// <summary>infra/gate.yaml: the document <c>socketdeployer gate</c> starts, as the shipped Deploy:Gate names it.</summary>
public class GateTemplateTests
{
    private static readonly YamlNode Template = RepoFiles.LoadYaml(InfraTemplates.Gate);

    private static YamlNode Document => InfraTemplates.Content(Template);

    private static List<YamlNode> Steps => ((YamlSequenceNode)Document.At("mainSteps")).Children.ToList();

    [Test]
    public void IsTheShippedGateDocumentAndAddsVersions()
    {
        using var json = JsonDocument.Parse(RepoFiles.Read("appsettings.json"));
        var gate = json.RootElement.GetProperty("Deploy").GetProperty("Gate");
        var properties = InfraTemplates.DocumentResource(Template).At("Properties");
        Assert.Multiple(() =>
        {
            Assert.That(InfraTemplates.DefaultOf(Template, "DocumentName"), Is.EqualTo(gate.GetProperty("Document").GetString()).And.EqualTo(new GateOptions().Document));
            Assert.That(InfraTemplates.DefaultOf(RepoFiles.LoadYaml(InfraTemplates.Daemon), "GateDocumentName"), Is.EqualTo(gate.GetProperty("Document").GetString()),
                "the daemon stack queues the gate's events");
            Assert.That(properties.At("DocumentType").Scalar(), Is.EqualTo("Automation"));
            Assert.That(properties.At("UpdateMethod").Scalar(), Is.EqualTo("NewVersion"), "a replaced document would lose the version Deploy:Gate pins");
            Assert.That(Document.At("assumeRole").Scalar(), Is.EqualTo("{{ AutomationAssumeRole }}"));
        });
    }

    [Test]
    public void TakesTheContractsParametersAndNeedsOnlyServiceAndSummary()
    {
        var parameters = Document.At("parameters").Entries().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(parameters.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                GateOptions.Parameters.Service, GateOptions.Parameters.Summary, GateOptions.Parameters.Link, GateOptions.Parameters.RequestedBy,
                "AutomationAssumeRole", "DaemonRoleArn",
            }));
            Assert.That(parameters.Where(p => p.Value.Get("default") is null).Select(p => p.Key), Is.EquivalentTo(new[] { "Service", "Summary" }),
                "the verb may leave out --link and --requested-by");
        });
    }

    [Test]
    public void IsOneApprovalTheDaemonsRoleSignalsAndThatTimesOut()
    {
        var approve = Steps.Single();
        Assert.Multiple(() =>
        {
            Assert.That(approve.At("action").Scalar(), Is.EqualTo("aws:approve"));
            Assert.That(approve.At("inputs", "Approvers").Scalars(), Is.EqualTo(new[] { "{{ DaemonRoleArn }}" }));
            Assert.That(approve.At("inputs", "MinRequiredApprovals").Scalar(), Is.EqualTo("1"));
            Assert.That(InfraTemplates.Describe(approve.At("timeoutSeconds")), Is.EqualTo("!Ref ApprovalTimeoutSeconds"));
            Assert.That(approve.At("isEnd").Scalar(), Is.EqualTo("true"));
            Assert.That(InfraTemplates.ImportedName(Document.At("parameters", "DaemonRoleArn", "default")), Is.EqualTo("${DaemonStack}-RoleArn"));
            Assert.That(InfraTemplates.ImportedName(Document.At("parameters", "AutomationAssumeRole", "default")), Is.EqualTo("${AutomationRoleStack}-RoleArn"));
        });
    }

    [Test]
    public void ThePipelinePolicyGrantsExactlyWhatTheVerbCalls()
    {
        var statements = Template.At("Resources", "PipelinePolicy", "Properties", "PolicyDocument", "Statement").AllNodes.OfType<YamlMappingNode>()
            .Where(s => s.Get("Effect").Scalar() == "Allow").ToList();
        var actions = statements.SelectMany(s => s.Get("Action").Scalars()).ToList();
        Assert.That(actions, Is.EquivalentTo(new[]
        {
            "ssm:StartAutomationExecution", "ssm:GetAutomationExecution", "ssm:ListTagsForResource", "ssm:StopAutomationExecution", "iam:PassRole",
        }));
    }

    [Test]
    public void TheShellScriptParses()
    {
        var (exitCode, output) = ExternalTool.Run("bash", "apt-get install bash", null, "-n", RepoFiles.PathOf("infra/socketdeployer-gate.sh"));
        Assert.That(exitCode, Is.Zero, output);
    }

    [Test]
    public void ShellCheckFindsNothingInTheScript()
    {
        var (exitCode, output) = ExternalTool.Run("shellcheck", "apt-get install shellcheck", null, RepoFiles.PathOf("infra/socketdeployer-gate.sh"));
        Assert.That(exitCode, Is.Zero, output);
    }

    [Test]
    public void TheShellScriptHasTheVerbsExitCodes()
    {
        var script = RepoFiles.Read("infra/socketdeployer-gate.sh");
        Assert.Multiple(() =>
        {
            Assert.That(script, Does.Contain("exit 0").And.Contain("exit 1").And.Contain("exit 2").And.Contain("exit 3"));
            Assert.That(script, Does.Contain("socketdeployer:decided-by"), "it says who decided, from the daemon's tag");
            Assert.That(script, Does.Contain("stop-automation-execution"));
        });
    }
}
