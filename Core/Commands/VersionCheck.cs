using System.Text.RegularExpressions;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Commands;

/// <summary>
/// Version formats: compiled so that <c>\d</c> means <c>[0-9]</c> only (ECMAScript), culture-free, anchored at both
/// ends, and bounded in time; and the message for a version that does not fit.
/// </summary>
public static class VersionCheck
{
    /// <summary>The options every VersionPattern is compiled with.</summary>
    public const RegexOptions Options = RegexOptions.ECMAScript | RegexOptions.CultureInvariant;

    /// <summary>Versions are short; a pattern that needs longer than this is treated as a mismatch.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Compiles a configured VersionPattern. It must compile on its own (so <c>a)|(.*</c> cannot escape the wrapper) and
    /// is then always wrapped as <c>^(?:…)\z</c>: harmless when it is already anchored, and unlike <c>$</c>,
    /// <c>\z</c> refuses a trailing newline.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is empty or does not compile; the message says why.</exception>
    public static Regex Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (string.IsNullOrWhiteSpace(pattern))
            throw new ArgumentException("the version pattern is empty", nameof(pattern));

        try
        {
            _ = new Regex(pattern, Options, MatchTimeout);
            return new Regex($"^(?:{pattern})\\z", Options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the version pattern '{pattern}' does not compile: {e.Message}", nameof(pattern), e);
        }
    }

    /// <summary>Whether <paramref name="version"/> fits; a match that runs out of time counts as no match.</summary>
    public static bool IsMatch(Regex pattern, string version)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            return pattern.IsMatch(version);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>True when the pattern accepts the empty string: configuration must refuse such a pattern.</summary>
    public static bool MatchesEmpty(Regex pattern) => IsMatch(pattern, "");

    /// <summary>Whether <paramref name="version"/> fits the service's VersionPattern.</summary>
    public static bool IsMatch(ServiceDefinition service, string version)
    {
        ArgumentNullException.ThrowIfNull(service);
        return IsMatch(service.VersionPattern, version);
    }

    /// <summary>"version `r-1.0` does not match app's format `^r-\d+\.\d+\.\d+$` (e.g. `r-99.1.0`)", escaped for mrkdwn.</summary>
    public static string Describe(ServiceDefinition service, string version)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Describe(service.Name, version, service.VersionPatternText, service.Example);
    }

    /// <inheritdoc cref="Describe(ServiceDefinition, string)"/>
    public static string Describe(string serviceName, string version, string patternText, string example)
    {
        ArgumentNullException.ThrowIfNull(serviceName);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(patternText);
        ArgumentNullException.ThrowIfNull(example);
        return $"version {SlackText.InlineCode(version)} does not match {SlackText.Escape(serviceName)}'s format "
            + $"{SlackText.InlineCode(patternText, 200)} (e.g. {SlackText.InlineCode(example)})";
    }
}
