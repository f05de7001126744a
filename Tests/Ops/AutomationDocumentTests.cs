using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

public partial class AutomationDocumentTests
{
    private static readonly YamlNode Document = RepoFiles.LoadYaml("infra/deploy-app.yaml");
    private static readonly List<YamlNode> Steps = ((YamlSequenceNode)Document.At("mainSteps")).Children.ToList();
    private static readonly HashSet<string> Parameters = Document.At("parameters").Entries().Select(e => e.Key).ToHashSet();

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
    public void AsksTheDaemonsRoleForApproval()
    {
        var approve = Steps.Single(s => s.Get("action").Scalar() == "aws:approve");

        Assert.That(approve.At("inputs", "Approvers").Scalars(), Is.EqualTo(new[] { "{{ DaemonRoleArn }}" }));
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

    [GeneratedRegex(@"\{\{\s*([^}\s]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
