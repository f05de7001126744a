using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Catalog;

/// <summary>
/// Configuration keys as the options classes define them: the data-annotation failures under their full key, and
/// the keys a class accepts, read from its properties so that a new option never needs a second list.
/// </summary>
public static class OptionKeys
{
    /// <summary>Each data-annotation failure of <paramref name="instance"/> as "Section:Member: rule".</summary>
    public static IEnumerable<string> Annotations(object instance, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            yield return $"{prefix}:{member}: {DurationRange(instance, member) ?? Describe(result.ErrorMessage, member)}";
        }
    }

    /// <summary>
    /// The keys <paramref name="type"/> binds, with the type each one binds to: its public readable properties
    /// (the configuration binder fills settable ones and the collections behind get-only ones), case-insensitive.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> Members(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .ToDictionary(KeyName, p => p.PropertyType, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// What a configuration value of <paramref name="type"/> holds below it: nothing for a scalar (string, number,
    /// TimeSpan, Uri, enum), the value type of a dictionary (its keys are free-form names), the element type of a
    /// list (its keys are indexes), or the type itself for an options class whose keys are its <see cref="Members"/>.
    /// </summary>
    public static (OptionShape Shape, Type? Inner) ShapeOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(Uri) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid))
        {
            return (OptionShape.Scalar, null);
        }

        if (type.IsArray)
        {
            return (OptionShape.List, type.GetElementType());
        }

        if (Generic(type, typeof(IDictionary<,>)) is { } dictionary)
        {
            return (OptionShape.Dictionary, dictionary.GetGenericArguments()[1]);
        }

        if (Generic(type, typeof(IEnumerable<>)) is { } list)
        {
            return (OptionShape.List, list.GetGenericArguments()[0]);
        }

        return (OptionShape.Object, type);
    }

    private static Type? Generic(Type type, Type definition) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == definition
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);

    // The binder honours [ConfigurationKeyName]; read it by name so Core needs no configuration package.
    private static string KeyName(PropertyInfo property) =>
        property.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "ConfigurationKeyNameAttribute" && a.ConstructorArguments.Count == 1)
            .Select(a => a.ConstructorArguments[0].Value as string)
            .FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? property.Name;

    // A TimeSpan range reads as people read durations ("between 0.01 s and 5 min, not -5 s"), not as 00:00:00.0100000.
    private static string? DurationRange(object instance, string member)
    {
        var property = instance.GetType().GetProperty(member);
        if (property?.GetCustomAttribute<RangeAttribute>() is not { OperandType: var operand } range || operand != typeof(TimeSpan)
            || property.GetValue(instance) is not TimeSpan value)
        {
            return null;
        }

        var min = TimeSpan.Parse((string)range.Minimum, CultureInfo.InvariantCulture);
        var max = TimeSpan.Parse((string)range.Maximum, CultureInfo.InvariantCulture);
        return $"must be between {HumanDuration.Format(min)} and {HumanDuration.Format(max)}, not {HumanDuration.Format(value)}";
    }

    // DataAnnotations phrases its messages around the member name ("The AppToken field is required.");
    // the key is already printed in front, so keep only the rule.
    private static string Describe(string? message, string member) =>
        (message ?? "is invalid").Replace($"The {member} field ", "", StringComparison.Ordinal)
                                 .Replace($"The field {member} ", "", StringComparison.Ordinal);
}

/// <summary>What a configuration key of some type holds below it; see <see cref="OptionKeys.ShapeOf"/>.</summary>
public enum OptionShape
{
    /// <summary>A single value: nothing below it.</summary>
    Scalar,

    /// <summary>Free-form names (a service alias, a document parameter), each holding the dictionary's value type.</summary>
    Dictionary,

    /// <summary>Indexes, each holding the element type.</summary>
    List,

    /// <summary>An options class: exactly its members.</summary>
    Object,
}
