using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>
/// The expression forms the daemon writes, and only those: conditions <c>attribute_not_exists(path)</c> and
/// <c>path = :value</c> (joined by AND), updates <c>SET path = :value, …</c>. Anything else is a ValidationException,
/// so a new form in the daemon fails its tests here instead of passing untested. Names and values must be defined
/// and all used, as DynamoDB requires.
/// </summary>
internal sealed partial class DynamoDbExpressions
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedValues = new(StringComparer.Ordinal);

    public DynamoDbExpressions(JsonElement body)
    {
        if (body.TryGetProperty("ExpressionAttributeNames", out var names) && names.ValueKind == JsonValueKind.Object)
            foreach (var name in names.EnumerateObject())
                _names[name.Name] = name.Value.GetString() ?? "";
        if (body.TryGetProperty("ExpressionAttributeValues", out var values) && values.ValueKind == JsonValueKind.Object)
            foreach (var value in values.EnumerateObject())
                _values[value.Name] = value.Value.Clone();
    }

    /// <summary>Parses a condition into a test of the current item (null when absent).</summary>
    public Func<Dictionary<string, JsonNode>?, bool> Condition(string? expression)
    {
        if (expression is null)
            return _ => true;
        var tests = new List<Func<Dictionary<string, JsonNode>?, bool>>();
        foreach (var term in AndSplit().Split(expression.Trim()))
        {
            if (NotExists().Match(term) is { Success: true } notExists)
            {
                var path = Path(notExists.Groups[1].Value);
                tests.Add(item => item is null || !item.ContainsKey(path));
            }
            else if (Equality().Match(term) is { Success: true } equality)
            {
                var path = Path(equality.Groups[1].Value);
                var expected = Value(equality.Groups[2].Value);
                tests.Add(item => item is not null && item.TryGetValue(path, out var actual) && JsonNode.DeepEquals(actual, expected));
            }
            else
            {
                throw DynamoDbErrors.Validation($"Invalid ConditionExpression: the Sandbox supports attribute_not_exists(path) and path = :value only; got: {term}");
            }
        }

        return item => tests.TrueForAll(test => test(item));
    }

    /// <summary>Parses <c>SET a = :x, b = :y</c> into the attributes to set.</summary>
    public IReadOnlyList<(string Name, JsonNode Value)> Update(string? expression)
    {
        var match = expression is null ? null : SetClause().Match(expression.Trim());
        if (match is not { Success: true })
            throw DynamoDbErrors.Validation($"Invalid UpdateExpression: the Sandbox supports SET path = :value[, …] only; got: {expression}");
        return [.. match.Groups[1].Value.Split(',').Select(assignment => Equality().Match(assignment.Trim()) is { Success: true } a
            ? (Path(a.Groups[1].Value), Value(a.Groups[2].Value))
            : throw DynamoDbErrors.Validation($"Invalid UpdateExpression: Syntax error; token: \"{assignment.Trim()}\""))];
    }

    /// <summary>DynamoDB refuses names and values that no expression uses.</summary>
    public void CheckAllUsed()
    {
        var unusedNames = _names.Keys.Where(n => !_usedNames.Contains(n)).ToList();
        if (unusedNames.Count > 0)
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        var unusedValues = _values.Keys.Where(v => !_usedValues.Contains(v)).ToList();
        if (unusedValues.Count > 0)
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
    }

    private string Path(string token)
    {
        if (!token.StartsWith('#'))
            return token;
        _usedNames.Add(token);
        return _names.TryGetValue(token, out var name)
            ? name
            : throw DynamoDbErrors.Validation($"Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: {token}");
    }

    private JsonNode Value(string token)
    {
        _usedValues.Add(token);
        return _values.TryGetValue(token, out var value)
            ? JsonNode.Parse(value.GetRawText())!
            : throw DynamoDbErrors.Validation($"Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: {token}");
    }

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplit();

    [GeneratedRegex(@"^attribute_not_exists\s*\(\s*(#?[A-Za-z0-9_]+)\s*\)$")]
    private static partial Regex NotExists();

    [GeneratedRegex(@"^(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)$")]
    private static partial Regex Equality();

    [GeneratedRegex(@"^SET\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SetClause();
}
