using System.Collections.Frozen;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>Turns <c>Deploy:Freezes</c> into windows, or says (under the full key) why an entry is not one.</summary>
public static class FreezeParser
{
    public const string Section = "Deploy:Freezes";

    /// <summary>The windows of validated options; throws on an entry <see cref="FreezeOptionsValidator.Failures"/> refuses.</summary>
    public static IReadOnlyList<FreezeWindow> Windows(IReadOnlyDictionary<string, FreezeOptions> freezes)
    {
        ArgumentNullException.ThrowIfNull(freezes);
        return [.. freezes.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
            Window(f.Key, f.Value, out var error) ?? throw new InvalidOperationException(error))];
    }

    /// <summary>The entry as a window, or null with the failure (naming its key) in <paramref name="error"/>.</summary>
    public static FreezeWindow? Window(string name, FreezeOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = $"{Section}:{name}";
        var services = options.Services.ToFrozenSet(StringComparer.Ordinal);
        error = null;
        var weeklyStart = FreezeTime.ParseWeekly(options.Start);
        var weeklyEnd = FreezeTime.ParseWeekly(options.End);
        if (weeklyStart is { } from && weeklyEnd is { } to)
        {
            var length = TimeSpan.FromTicks(((to - from).Ticks + WeeklyFreeze.Week.Ticks) % WeeklyFreeze.Week.Ticks);
            if (length == TimeSpan.Zero)
            {
                error = $"{key}:End: the same as Start ({options.End}); a weekly freeze must end at another time";
                return null;
            }

            return new WeeklyFreeze(name, options.Reason, services, from, length);
        }

        if (weeklyStart is not null || weeklyEnd is not null || FreezeTime.LooksWeekly(options.Start) || FreezeTime.LooksWeekly(options.End))
        {
            var (member, text) = weeklyStart is null ? ("Start", options.Start) : ("End", options.End);
            error = weeklyStart is null == weeklyEnd is null || FreezeTime.LooksWeekly(text)
                ? $"{key}:{member}: '{text}' is not a weekly time such as Friday 16:00 (English day, 24-hour time, UTC)"
                : $"{key}:{member}: '{text}' must be a weekly time like the other end (Start and End are both weekly or both instants)";
            return null;
        }

        var start = FreezeTime.ParseInstant(options.Start, out var startError);
        if (start is null)
        {
            error = $"{key}:Start: {startError}";
            return null;
        }

        var end = FreezeTime.ParseInstant(options.End, out var endError);
        if (end is null)
        {
            error = $"{key}:End: {endError}";
            return null;
        }

        if (end <= start)
        {
            error = $"{key}:End: {options.End} is not after Start {options.Start}";
            return null;
        }

        return new AbsoluteFreeze(name, options.Reason, services, start.Value, end.Value);
    }
}
