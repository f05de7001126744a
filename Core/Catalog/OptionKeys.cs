using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace SocketDeployer.Core.Catalog;

/// <summary>
/// Configuration keys as the options classes define them: the data-annotation failures under their full key, and
/// the keys a class accepts, read from its properties so that a new option never needs a second list.
/// Trim-safe: the annotations are checked by source-generated validators, and <see cref="Members"/> reads only
/// types whose properties the caller asked the trimmer to keep (<see cref="DynamicallyAccessedMembersAttribute"/>).
/// </summary>
public static class OptionKeys
{
    /// <summary>
    /// Each failure of <paramref name="annotations"/> (an <c>[OptionsValidator]</c> generated for
    /// <typeparamref name="T"/>) as "Section:Member: rule".
    /// </summary>
    public static IEnumerable<string> Annotations<T>(IValidateOptions<T> annotations, T instance, string prefix)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var result = annotations.Validate(null, instance);
        foreach (var failure in result.Failures ?? [])
        {
            // The generated validator writes "Member: message"; a failure without a member keeps its words.
            var split = failure.IndexOf(": ", StringComparison.Ordinal);
            var member = split > 0 ? failure[..split] : "";
            var message = split > 0 ? failure[(split + 2)..] : failure;
            yield return $"{prefix}:{member}: {Describe(message, $"{typeof(T).Name}.{member}")}";
        }
    }

    /// <summary>
    /// The keys <paramref name="type"/> binds, with the type each one binds to: its public readable properties
    /// (the configuration binder fills settable ones and the collections behind get-only ones), case-insensitive.
    /// </summary>
    public static IReadOnlyDictionary<string, Type> Members([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type)
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

        // Generic collections are told apart by their generic arguments, not by enumerating interfaces (which the
        // trimmer cannot see through): Dictionary<K, V> / IDictionary<K, V> / IReadOnlyDictionary<K, V> hold V,
        // List<T> / IEnumerable<T> and the other one-argument collections hold T.
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var arguments = type.GetGenericArguments();
            if (arguments.Length == 2)
            {
                return (OptionShape.Dictionary, arguments[1]);
            }

            if (arguments.Length == 1)
            {
                return (OptionShape.List, arguments[0]);
            }
        }

        return (OptionShape.Object, type);
    }

    // The binder honours [ConfigurationKeyName]; read it by name so Core needs no configuration package.
    private static string KeyName(PropertyInfo property) =>
        property.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "ConfigurationKeyNameAttribute" && a.ConstructorArguments.Count == 1)
            .Select(a => a.ConstructorArguments[0].Value as string)
            .FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? property.Name;

    // DataAnnotations phrases its messages around the member's display name ("The SlackOptions.AppToken field is
    // required."); the key is already printed in front, so keep only the rule.
    private static string Describe(string message, string displayName) =>
        message.Replace($"The {displayName} field ", "", StringComparison.Ordinal)
               .Replace($"The field {displayName} ", "", StringComparison.Ordinal);
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
