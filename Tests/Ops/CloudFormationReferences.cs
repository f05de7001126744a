using System.Collections.Frozen;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

/// <summary>
/// Checks that every Ref, GetAtt, Sub ${…} and condition reference of a CloudFormation template
/// resolves, in both the short-form tags (!Ref …) and the long form (Fn::…), including the
/// loop variables of Fn::ForEach (AWS::LanguageExtensions).
/// </summary>
internal static partial class CloudFormationReferences
{
    /// <summary>The short-form intrinsic function tags; any other tag is a typo.</summary>
    public static readonly FrozenSet<string> ShortFormTags = new[]
    {
        "!Ref", "!GetAtt", "!Sub", "!Join", "!If", "!Equals", "!Select", "!Split", "!FindInMap",
        "!GetAZs", "!Base64", "!ImportValue", "!Condition", "!And", "!Or", "!Not", "!Cidr", "!Transform",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> PseudoParameters = new[]
    {
        "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::StackId",
        "AWS::URLSuffix", "AWS::NoValue", "AWS::NotificationARNs",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every reference that does not resolve, described for a failure message.</summary>
    public static List<string> Unresolved(YamlNode template)
    {
        var checker = new Checker(
            template.Get("Parameters").Entries().Select(e => e.Key).ToFrozenSet(StringComparer.Ordinal),
            template.Get("Resources").Entries().Select(e => e.Key).Where(k => !k.StartsWith("Fn::ForEach::", StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal),
            template.Get("Conditions").Entries().Select(e => e.Key).ToFrozenSet(StringComparer.Ordinal));
        checker.Visit(template, FrozenSet<string>.Empty);
        return checker.Problems;
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex SubVariable();

    [GeneratedRegex(@"&\{([^}]*)\}")]
    private static partial Regex ForEachKeyVariable();

    private sealed class Checker(FrozenSet<string> parameters, FrozenSet<string> resources, FrozenSet<string> conditions)
    {
        public List<string> Problems { get; } = [];

        public void Visit(YamlNode node, IReadOnlySet<string> locals)
        {
            var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
            if (tag is not null && !ShortFormTags.Contains(tag))
            {
                Problems.Add($"unknown tag {tag} at {node.Start}");
            }

            switch (tag)
            {
                case "!Ref":
                    Ref(node.Scalar(), locals, node);
                    return;
                case "!GetAtt":
                    GetAtt(node, node);
                    return;
                case "!Sub":
                    Sub(node, locals);
                    return;
                case "!Condition":
                    Condition(node.Scalar(), node);
                    return;
                case "!If" when node is YamlSequenceNode { Children.Count: 3 } ifNode:
                    Condition(ifNode.Children[0].Scalar(), node);
                    Visit(ifNode.Children[1], locals);
                    Visit(ifNode.Children[2], locals);
                    return;
            }

            switch (node)
            {
                case YamlSequenceNode sequence:
                    foreach (var child in sequence.Children)
                    {
                        Visit(child, locals);
                    }

                    break;
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Entries())
                    {
                        VisitEntry(key, value, locals);
                    }

                    break;
            }
        }

        private void VisitEntry(string key, YamlNode value, IReadOnlySet<string> locals)
        {
            foreach (Match match in ForEachKeyVariable().Matches(key))
            {
                if (!locals.Contains(match.Groups[1].Value))
                {
                    Problems.Add($"key {key}: &{{{match.Groups[1].Value}}} is not a Fn::ForEach identifier in scope");
                }
            }

            switch (key)
            {
                case "Ref":
                    Ref(value.Scalar(), locals, value);
                    return;
                case "Fn::GetAtt":
                    GetAtt(value, value);
                    return;
                case "Fn::Sub":
                    Sub(value, locals);
                    return;
                case "Condition" when value is YamlScalarNode:
                    Condition(value.Scalar(), value);
                    return;
            }

            if (key.StartsWith("Fn::ForEach::", StringComparison.Ordinal)
                && value is YamlSequenceNode { Children.Count: 3 } loop && loop.Children[0].Scalar() is { } identifier)
            {
                Visit(loop.Children[1], locals);
                Visit(loop.Children[2], new HashSet<string>(locals, StringComparer.Ordinal) { identifier });
                return;
            }

            Visit(value, locals);
        }

        private void Ref(string? name, IReadOnlySet<string> locals, YamlNode at)
        {
            if (name is null || !(parameters.Contains(name) || resources.Contains(name) || PseudoParameters.Contains(name) || locals.Contains(name)))
            {
                Problems.Add($"Ref {name ?? "(not a scalar)"} at {at.Start} names no parameter, resource or pseudo parameter");
            }
        }

        private void GetAtt(YamlNode node, YamlNode at)
        {
            var resource = node switch
            {
                YamlScalarNode scalar => scalar.Value?.Split('.', 2)[0],
                YamlSequenceNode { Children.Count: 2 } sequence => sequence.Children[0].Scalar(),
                _ => null,
            };
            if (resource is null || !resources.Contains(resource))
            {
                Problems.Add($"GetAtt at {at.Start} names no resource ({resource ?? "malformed"})");
            }
        }

        private void Sub(YamlNode node, IReadOnlySet<string> locals)
        {
            var (text, variables) = node switch
            {
                YamlScalarNode scalar => (scalar.Value, null),
                YamlSequenceNode { Children.Count: 2 } sequence => (sequence.Children[0].Scalar(), sequence.Children[1] as YamlMappingNode),
                _ => (null, null),
            };
            if (text is null)
            {
                Problems.Add($"Sub at {node.Start} is malformed");
                return;
            }

            var scope = new HashSet<string>(locals, StringComparer.Ordinal);
            foreach (var (name, value) in variables.Entries())
            {
                Visit(value, locals);
                scope.Add(name);
            }

            foreach (Match match in SubVariable().Matches(text))
            {
                var variable = match.Groups[1].Value;
                if (variable.StartsWith('!'))
                {
                    continue; // ${!Literal} is an escaped, literal "${Literal}"
                }

                var dot = variable.IndexOf('.', StringComparison.Ordinal);
                var ok = dot > 0
                    ? resources.Contains(variable[..dot]) || scope.Contains(variable)
                    : parameters.Contains(variable) || resources.Contains(variable) || PseudoParameters.Contains(variable) || scope.Contains(variable);
                if (!ok)
                {
                    Problems.Add($"Sub at {node.Start}: ${{{variable}}} resolves to nothing");
                }
            }
        }

        private void Condition(string? name, YamlNode at)
        {
            if (name is null || !conditions.Contains(name))
            {
                Problems.Add($"condition {name ?? "(not a scalar)"} at {at.Start} is not declared under Conditions");
            }
        }
    }
}
