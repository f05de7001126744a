using System.Text.RegularExpressions;

namespace SocketDeployer.Core.Catalog;

/// <summary>A validated, immutable service of the catalog.</summary>
/// <param name="Name">The alias typed in Slack, e.g. <c>app</c>.</param>
/// <param name="VersionPattern">Compiled with <see cref="RegexOptions.ECMAScript"/> so <c>\d</c> is ASCII only, and anchored.</param>
/// <param name="VersionPatternText">The pattern as configured, for messages.</param>
/// <param name="Parameters">Document parameter → template.</param>
public sealed record ServiceDefinition(
    string Name,
    string Description,
    string Document,
    string DocumentVersion,
    Regex VersionPattern,
    string VersionPatternText,
    string Example,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Deployers,
    IReadOnlyList<string> Approvers,
    int RequiredApprovals)
{
    /// <summary>The channel its outside executions are announced in, when it names one (else the catalog's first).</summary>
    public string? Channel { get; init; }

    /// <summary>The comparison link template with <c>{from}</c> and <c>{to}</c> (configured, or derived from the
    /// repository); null when the service names no source.</summary>
    public string? CompareUrl { get; init; }

    /// <summary>The service a version must have succeeded on first, or null.</summary>
    public string? RequiresSuccessOn { get; init; }
}
