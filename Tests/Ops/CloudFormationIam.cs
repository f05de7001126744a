using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

/// <summary>The Allow statements of the IAM policies a CloudFormation template creates (identity policies only).</summary>
internal static class CloudFormationIam
{
    private static readonly string[] PolicyTypes = ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy"];

    public static List<YamlNode> AllowStatements(YamlNode template) =>
        Resources(template.Get("Resources"))
            .SelectMany(PolicyDocuments)
            .SelectMany(document => document.Get("Statement") switch
            {
                YamlSequenceNode statements => statements.Children,
                YamlMappingNode statement => [statement],
                _ => [],
            })
            .Where(statement => statement.Get("Effect").Scalar() == "Allow")
            .ToList();

    public static IEnumerable<string> Actions(YamlNode statement) => statement.Get("Action").Scalars();

    /// <summary>Resource definitions, including those a Fn::ForEach loop stamps out.</summary>
    private static IEnumerable<YamlNode> Resources(YamlNode? resources)
    {
        foreach (var (key, value) in resources.Entries())
        {
            if (key.StartsWith("Fn::ForEach::", StringComparison.Ordinal) && value is YamlSequenceNode { Children.Count: 3 } loop)
            {
                foreach (var resource in Resources(loop.Children[2]))
                {
                    yield return resource;
                }
            }
            else
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<YamlNode> PolicyDocuments(YamlNode resource)
    {
        var type = resource.Get("Type").Scalar();
        var properties = resource.Get("Properties");
        if (type == "AWS::IAM::Role")
        {
            foreach (var policy in (properties?.Get("Policies") as YamlSequenceNode)?.Children ?? [])
            {
                if (policy.Get("PolicyDocument") is { } document)
                {
                    yield return document;
                }
            }
        }
        else if (PolicyTypes.Contains(type) && properties?.Get("PolicyDocument") is { } document)
        {
            yield return document;
        }
    }
}
