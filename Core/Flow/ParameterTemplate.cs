using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;

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

    /// <summary>The service's parameters filled for <paramref name="user"/> asking in <paramref name="channel"/>: what a
    /// deploy starts with, and what a plan shows.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> FillForAsync(
        ISlackApi slack, ServiceDefinition service, string version, string user, string channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slack);
        ArgumentNullException.ThrowIfNull(service);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = version,
            ["service"] = service.Name,
            ["user"] = user,
            ["channel"] = channel,
        };
        if (UsesUserName(service.Parameters))
        {
            values["user_name"] = await slack.GetUserNameAsync(user, ct);
        }

        return Fill(service.Parameters, values);
    }
}
