using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Core.Flow.Approval;

/// <summary>The <see cref="ExecutionTags.DecidedBy"/> value: who decided, readable without Slack (a pipeline has no
/// token). Tag values allow no parentheses or commas, so each person is <c>name=ID</c> (spaces in a name as
/// <c>_</c>), or just <c>ID</c> when the name is not known, separated by spaces.</summary>
public static class DecidedByTag
{
    public static string Value(IEnumerable<(string? Name, string Id)> people) =>
        TagText.Of(string.Join(' ', people.Select(p => string.IsNullOrWhiteSpace(p.Name) ? p.Id : $"{TagText.Of(p.Name).Replace(' ', '_')}={p.Id}")));

    /// <summary>The value as a line says it: <c>bob (U0BOB), U0ERIN</c>.</summary>
    public static string Describe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join(", ", value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(person =>
            person.LastIndexOf('=') is var at and > 0 ? $"{person[..at].Replace('_', ' ')} ({person[(at + 1)..]})" : person));
    }
}
