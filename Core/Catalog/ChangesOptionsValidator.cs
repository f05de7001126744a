using System.Text.RegularExpressions;

namespace SocketDeployer.Core.Catalog;

/// <summary>The rules of Repository, CompareUrl and RequiresSuccessOn; each failure names its key.</summary>
public static partial class ChangesOptionsValidator
{
    public static IEnumerable<string> Failures(IReadOnlyDictionary<string, ServiceOptions> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var (alias, service) in services)
        {
            var key = $"Deploy:Services:{alias}";
            foreach (var failure in Source(key, service))
                yield return failure;
            if (Promotion(key, alias, service, services) is { } promotion)
                yield return promotion;
        }
    }

    private static IEnumerable<string> Source(string key, ServiceOptions service)
    {
        if (!string.IsNullOrWhiteSpace(service.Repository))
        {
            if (!IsWebUrl(service.Repository))
                yield return $"{key}:Repository: '{service.Repository}' is not an http(s) URL";
            else if (CompareUrlTemplate.Of(service.Repository, service.CompareUrl) is null)
                yield return $"{key}:CompareUrl: '{service.Repository}' is neither GitHub nor GitLab; set CompareUrl with {{from}} and {{to}}";
        }

        if (string.IsNullOrWhiteSpace(service.CompareUrl))
            yield break;
        var unknown = Placeholder().Matches(service.CompareUrl).Select(m => m.Value)
            .Where(p => p is not (CompareUrlTemplate.From or CompareUrlTemplate.To)).ToList();
        if (unknown.Count > 0)
            yield return $"{key}:CompareUrl: unknown placeholder {unknown[0]} (use {{from}} and {{to}})";
        else if (!service.CompareUrl.Contains(CompareUrlTemplate.From, StringComparison.Ordinal) || !service.CompareUrl.Contains(CompareUrlTemplate.To, StringComparison.Ordinal))
            yield return $"{key}:CompareUrl: needs both {{from}} and {{to}}";
        else if (!IsWebUrl(service.CompareUrl.Replace(CompareUrlTemplate.From, "a", StringComparison.Ordinal).Replace(CompareUrlTemplate.To, "b", StringComparison.Ordinal)))
            yield return $"{key}:CompareUrl: '{service.CompareUrl}' is not an http(s) URL";
    }

    // A chain that comes back to itself could never release anything: each service would wait for the other.
    private static string? Promotion(string key, string alias, ServiceOptions service, IReadOnlyDictionary<string, ServiceOptions> services)
    {
        if (string.IsNullOrEmpty(service.RequiresSuccessOn))
            return null;
        if (service.RequiresSuccessOn == alias)
            return $"{key}:RequiresSuccessOn: a service cannot require success on itself";
        if (!services.ContainsKey(service.RequiresSuccessOn))
            return $"{key}:RequiresSuccessOn: '{service.RequiresSuccessOn}' is not a service of Deploy:Services";

        var seen = new List<string> { alias };
        for (var next = service.RequiresSuccessOn; !string.IsNullOrEmpty(next) && services.TryGetValue(next, out var step); next = step.RequiresSuccessOn)
        {
            if (seen.Contains(next, StringComparer.Ordinal))
                return $"{key}:RequiresSuccessOn: the promotion chain {string.Join(" → ", seen)} → {next} is a cycle";
            seen.Add(next);
        }

        return null;
    }

    private static bool IsWebUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0;

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();
}
