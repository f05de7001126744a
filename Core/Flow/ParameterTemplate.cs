namespace SocketDeployer.Core.Flow;

/// <summary>Fills a service's Parameters templates; placeholders were checked at start-up.</summary>
public static class ParameterTemplate
{
    public static bool UsesUserName(IReadOnlyDictionary<string, string> templates) =>
        templates.Values.Any(t => t.Contains("{user_name}", StringComparison.Ordinal));

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Fill(
        IReadOnlyDictionary<string, string> templates, IReadOnlyDictionary<string, string> values)
    {
        var filled = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, template) in templates)
        {
            var value = template;
            foreach (var (key, replacement) in values)
            {
                value = value.Replace("{" + key + "}", replacement, StringComparison.Ordinal);
            }

            filled[name] = [value];
        }

        return filled;
    }
}
