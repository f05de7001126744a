using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

/// <summary>The CloudFormation templates under infra/ and the pieces of them the tests compare.</summary>
internal static class InfraTemplates
{
    public const string Daemon = "infra/socketdeployer.yaml";
    public const string AutomationRole = "infra/automation-role.yaml";

    /// <summary>The pipelines' approval gate (Deploy:Gate).</summary>
    public const string Gate = "infra/gate.yaml";

    /// <summary>The example Automation documents, each wrapped as an AWS::SSM::Document stack.</summary>
    public static readonly string[] Documents = ["infra/deploy-app.yaml", "infra/deploy-ui.yaml"];

    /// <summary>Every CloudFormation template in infra/ (a YAML file with AWSTemplateFormatVersion), found on disk so a new one is never left out.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(RepoFiles.PathOf("infra"), "*.yaml")
            .Concat(Directory.EnumerateFiles(RepoFiles.PathOf("infra"), "*.yml"))
            .Select(path => "infra/" + Path.GetFileName(path))
            .Where(relative => RepoFiles.LoadYaml(relative).Get("AWSTemplateFormatVersion") is not null)
            .Order(StringComparer.Ordinal);

    /// <summary>The Automation document held by a document template's AWS::SSM::Document resource.</summary>
    public static YamlNode Content(YamlNode template) => DocumentResource(template).At("Properties", "Content");

    public static YamlNode DocumentResource(YamlNode template) =>
        template.At("Resources").Entries().Single(e => e.Value.Get("Type").Scalar() == "AWS::SSM::Document").Value;

    /// <summary>A parameter's Default in a template.</summary>
    public static string? DefaultOf(YamlNode template, string parameter) => template.At("Parameters", parameter).Get("Default").Scalar();

    /// <summary>The steps of a document that call an AWS API, as IAM actions (service:Api names the action for every API used here).</summary>
    public static IEnumerable<string> ApiActions(YamlNode content) =>
        ((YamlSequenceNode)content.At("mainSteps")).Children
            .Select(step => step.Get("inputs"))
            .OfType<YamlMappingNode>()
            .Where(inputs => inputs.Get("Service") is not null && inputs.Get("Api") is not null)
            .Select(inputs => $"{inputs.Get("Service").Scalar()}:{inputs.Get("Api").Scalar()}");

    /// <summary>A node as written: "!Tag value" for a tagged scalar, the value otherwise.</summary>
    public static string Describe(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => scalar.Tag.IsEmpty ? scalar.Value! : $"{scalar.Tag.Value} {scalar.Value}",
        _ => node?.ToString() ?? "(missing)",
    };

    /// <summary>The export name an Output declares (the Sub text, e.g. <c>${AWS::StackName}-RoleArn</c>).</summary>
    public static string? ExportName(YamlNode template, string output) =>
        template.At("Outputs", output).Get("Export")?.Get("Name").Scalar();

    /// <summary>The Sub text inside a <c>!ImportValue {Fn::Sub: …}</c> value, e.g. <c>${DaemonStack}-RoleArn</c>.</summary>
    public static string? ImportedName(YamlNode? node) =>
        node is { Tag.IsEmpty: false } && node.Tag.Value == "!ImportValue" ? node.Get("Fn::Sub").Scalar() : null;
}
