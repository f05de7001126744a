namespace SocketDeployer.Core.Catalog;

/// <summary>A service's comparison link: the configured <c>CompareUrl</c> template, or one derived from a GitHub or
/// GitLab <c>Repository</c>; filled with the live and the requested version.</summary>
public static class CompareUrlTemplate
{
    public const string From = "{from}";
    public const string To = "{to}";

    /// <summary>The template, or null when the service names no source or a host whose form is unknown.</summary>
    public static string? Of(string? repository, string? compareUrl)
    {
        if (!string.IsNullOrWhiteSpace(compareUrl))
            return compareUrl.Trim();
        if (string.IsNullOrWhiteSpace(repository) || !Uri.TryCreate(repository.Trim(), UriKind.Absolute, out var uri))
            return null;

        var root = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (root.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
            root = root[..^4];
        var host = uri.Host.ToLowerInvariant();
        if (host == "github.com" || host.StartsWith("github.", StringComparison.Ordinal))
            return $"{root}/compare/{From}...{To}";
        if (host.Contains("gitlab", StringComparison.Ordinal))
            return $"{root}/-/compare/{From}...{To}";
        return null;
    }

    /// <summary>The link comparing <paramref name="from"/> with <paramref name="to"/>; versions are escaped as path data.</summary>
    public static Uri? Fill(string? template, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (template is null)
            return null;
        var text = template.Replace(From, Uri.EscapeDataString(from), StringComparison.Ordinal)
            .Replace(To, Uri.EscapeDataString(to), StringComparison.Ordinal);
        return Uri.TryCreate(text, UriKind.Absolute, out var link) ? link : null;
    }
}
