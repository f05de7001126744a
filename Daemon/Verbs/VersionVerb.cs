using System.Reflection;

namespace SocketDeployer.Daemon.Verbs;

/// <summary><c>socketdeployer --version</c>: the version and the commit it was built from.</summary>
internal static class VersionVerb
{
    public static string Text
    {
        get
        {
            // The SDK appends "+<commit>" from SourceRevisionId (set in Directory.Build.props from git).
            var informational = typeof(VersionVerb).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            var version = plus < 0 ? informational : informational[..plus];
            var commit = plus < 0 ? "unknown" : informational[(plus + 1)..];
            return $"socketdeployer {version} (commit {commit})";
        }
    }
}
