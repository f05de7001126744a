using System.Security.Cryptography;
using System.Text;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>Which failed or timed-out steps' lines are in the thread, kept in the execution's <see cref="ExecutionTags.Steps"/> tag, so an
/// instance that takes a release over (a restart, a second daemon on the queue) neither repeats nor leaves out a line
/// when it posts the result. Each step is a short hash of its name: SSM's tag alphabet and 256-character values fit.</summary>
public static class ReportedSteps
{
    /// <summary>A tag value holds at most 256 characters: 28 steps of 8 characters and a space.</summary>
    public const int MaxSteps = 28;

    public static string Key(string stepName) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stepName)))[..8];

    public static IReadOnlySet<string> From(IReadOnlyDictionary<string, string> tags) => Parse(tags.GetValueOrDefault(ExecutionTags.Steps));

    /// <summary>The steps a <see cref="ExecutionTags.Steps"/> tag value names (none for null).</summary>
    public static IReadOnlySet<string> Parse(string? value) =>
        (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The tag value with <paramref name="stepName"/> added, or null when it is there already or the value is full.</summary>
    public static string? With(IReadOnlySet<string> reported, string stepName)
    {
        var key = Key(stepName);
        return reported.Contains(key) || reported.Count >= MaxSteps ? null : string.Join(' ', reported.Append(key));
    }
}
