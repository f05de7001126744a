namespace SocketDeployer.Core.Commands;

/// <summary>Finds the name a user probably meant, for "unknown service `apq` — did you mean `app`?".</summary>
public static class ServiceSuggestion
{
    /// <summary>Suggestions stop at this edit distance: further away, a guess is noise.</summary>
    public const int MaxDistance = 2;

    // Names longer than this are compared by prefix only; the distance rows live on the stack.
    private const int MaxComparedLength = 128;

    /// <summary>
    /// The closest of <paramref name="names"/>: the same name in another case, then one that begins with
    /// <paramref name="typed"/> or that it begins with (two characters at least), then the smallest Damerau-Levenshtein
    /// (optimal string alignment) distance up to 2; ties go to ordinal order.
    /// Null when nothing is close, or when the distance would be as long as the typed text itself ("x" → "db").
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(names);
        if (typed.Length == 0)
            return null;

        string? best = null;
        int bestScore = int.MaxValue;
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name))
                continue;
            int score = Score(typed, name);
            if (score < bestScore || (score == bestScore && best is not null && string.CompareOrdinal(name, best) < 0))
            {
                best = name;
                bestScore = score;
            }
        }

        return bestScore == int.MaxValue ? null : best;
    }

    /// <summary>
    /// "unknown service `apq` — did you mean `app`?", or with no close name "unknown service `zzz`; services: `app`, `db`"
    /// (at most ten listed); escaped mrkdwn, ready for a thread reply.
    /// </summary>
    public static string DescribeUnknown(string typed, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(names);
        string unknown = "unknown service " + SlackText.InlineCode(typed);
        if (Closest(typed, names) is { } suggestion)
            return $"{unknown} — did you mean {SlackText.InlineCode(suggestion)}?";
        if (names.Count == 0)
            return unknown + "; no services are configured";
        var listed = names.Order(StringComparer.Ordinal).Take(10).Select(name => SlackText.InlineCode(name));
        return $"{unknown}; services: {string.Join(", ", listed)}{(names.Count > 10 ? ", …" : "")}";
    }

    /// <summary>Optimal string alignment distance, case-insensitive for ASCII.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > MaxComparedLength || b.Length > MaxComparedLength)
            throw new ArgumentOutOfRangeException(nameof(a), $"at most {MaxComparedLength} characters are compared");

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            previous[j] = j;

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
            }

            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }

    // Lower is better; int.MaxValue means "not a suggestion". A prefix either way ("web" → "web-frontend",
    // "apps" → "app") is a stronger hint than one edit, so it scores between an exact match and distance 1.
    private static int Score(string typed, string name)
    {
        if (string.Equals(typed, name, StringComparison.OrdinalIgnoreCase))
            return 0;
        if (Math.Min(typed.Length, name.Length) >= 2
            && (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            return 1;
        if (Math.Abs(typed.Length - name.Length) > MaxDistance || typed.Length > MaxComparedLength || name.Length > MaxComparedLength)
            return int.MaxValue;

        int distance = Distance(typed, name);
        return distance <= MaxDistance && distance < typed.Length ? 2 * distance : int.MaxValue;
    }

    private static bool Same(char x, char y) => x == y || (char.IsAscii(x) && char.IsAscii(y) && char.ToLowerInvariant(x) == char.ToLowerInvariant(y));
}
