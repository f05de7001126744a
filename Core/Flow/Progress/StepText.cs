using System.Collections.Concurrent;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>
/// One string instance per distinct step name, status and duration text. They repeat across the releases an instance
/// follows (a document's few steps, a handful of statuses), but each SSM answer and event parses them anew: ten thousand
/// tracked executions would otherwise hold ten thousand copies of "Success". Bounded, so unusual texts stay unpooled.
/// </summary>
internal static class StepText
{
    private const int Capacity = 4096;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string Intern(string text) =>
        Pool.TryGetValue(text, out var pooled) ? pooled : Pool.Count < Capacity ? Pool.GetOrAdd(text, text) : text;

    public static string? InternOrNull(string? text) => text is null ? null : Intern(text);
}
