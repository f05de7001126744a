using System.Globalization;

namespace SocketDeployer.Core.Time;

/// <summary>
/// A duration as people read it in a log line or a message: <c>0.97 s</c>, <c>15 s</c>, <c>2 min</c>,
/// <c>1 min 30 s</c>, <c>2 h 5 min</c> — never <c>00:00:00.9726159</c>. The one formatter for every TimeSpan that
/// reaches a human; log methods take it as a parameter type, so a TimeSpan argument converts implicitly.
/// </summary>
public readonly record struct HumanDuration(TimeSpan Value)
{
    /// <summary>Lets log methods declare <see cref="HumanDuration"/> while callers keep passing a TimeSpan.</summary>
    public static implicit operator HumanDuration(TimeSpan value) => new(value);

    /// <summary>The readable text of <paramref name="value"/>; negative durations read as their magnitude with a minus.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Duration());
        }

        var c = CultureInfo.InvariantCulture;
        if (value < TimeSpan.FromSeconds(1))
        {
            return value == TimeSpan.Zero ? "0 s" : string.Create(c, $"{Math.Round(value.TotalSeconds, 2):0.##} s");
        }

        if (value < TimeSpan.FromSeconds(10))
        {
            return string.Create(c, $"{Math.Round(value.TotalSeconds, 1):0.#} s");
        }

        if (value < TimeSpan.FromMinutes(1))
        {
            return string.Create(c, $"{(int)Math.Round(value.TotalSeconds)} s");
        }

        if (value < TimeSpan.FromHours(1))
        {
            return Pair((int)value.TotalMinutes, "min", value.Seconds, "s");
        }

        if (value < TimeSpan.FromDays(1))
        {
            return Pair((int)value.TotalHours, "h", value.Minutes, "min");
        }

        return Pair((int)value.TotalDays, "d", value.Hours, "h");
    }

    /// <inheritdoc/>
    public override string ToString() => Format(Value);

    private static string Pair(int major, string majorUnit, int minor, string minorUnit) =>
        minor == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{major} {majorUnit}")
            : string.Create(CultureInfo.InvariantCulture, $"{major} {majorUnit} {minor} {minorUnit}");
}
