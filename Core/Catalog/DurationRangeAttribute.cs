using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Catalog;

/// <summary>
/// A TimeSpan option's range, phrased as people read durations ("must be between 0.01 s and 5 min, not -5 s").
/// It replaces <c>[Range(typeof(TimeSpan), …)]</c>, whose constructor resolves a TypeConverter by reflection and so
/// cannot be trimmed; the options-validation source generator instantiates this one like any other attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationRangeAttribute : ValidationAttribute
{
    /// <param name="minimum">The shortest allowed duration, as TimeSpan text ("00:00:00.010").</param>
    /// <param name="maximum">The longest allowed duration ("1.00:00:00").</param>
    public DurationRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    /// <summary>The shortest allowed duration.</summary>
    public TimeSpan Minimum { get; }

    /// <summary>The longest allowed duration.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not TimeSpan duration || (duration >= Minimum && duration <= Maximum))
        {
            return ValidationResult.Success;
        }

        var message = $"must be between {HumanDuration.Format(Minimum)} and {HumanDuration.Format(Maximum)}, not {HumanDuration.Format(duration)}";
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
