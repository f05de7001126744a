using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Daemon.Configuration;

/// <summary>
/// Refuses a key under an options section that its class does not define, naming the full key and the nearest known
/// one (<c>Deploy:Services:ui:RequiredApproval: unknown key (did you mean RequiredApprovals?)</c>): the binder
/// silently ignores such a key, and a misspelt RequiredApprovals would then need one approval instead of two.
/// The known keys are the class's own properties (<see cref="OptionKeys.Members"/>, nested classes through
/// <see cref="NestedOptionTypes"/>); a section registered on its own
/// below it (<c>Slack:Pacing</c> below <c>Slack</c>) is known too and checked by its own validator. Dictionary keys
/// (service aliases, document parameters) are names, not options, and are never flagged.
/// </summary>
internal sealed class UnknownKeysValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
    IConfiguration configuration, string path, IEnumerable<OptionsSection> sections)
    : IValidateOptions<T>
    where T : class
{
    private static readonly IReadOnlyDictionary<string, Type> OwnMembers = OptionKeys.Members(typeof(T));

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var registered = sections.Select(s => s.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var failures = new List<string>();
        Walk(configuration.GetSection(path), typeof(T), registered, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Walk(IConfigurationSection section, Type type, HashSet<string> registered, List<string> failures)
    {
        var members = MembersOf(type);
        foreach (var child in section.GetChildren())
        {
            if (registered.Contains(child.Path))
            {
                continue;
            }

            if (!members.TryGetValue(child.Key, out var memberType))
            {
                var known = members.Keys.Concat(NestedSections(section.Path, registered));
                failures.Add(ServiceSuggestion.Closest(child.Key, known) is { } nearest
                    ? $"{child.Path}: unknown key (did you mean {nearest}?)"
                    : $"{child.Path}: unknown key (known here: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
                continue;
            }

            Inspect(child, memberType, registered, failures);
        }
    }

    private static void Inspect(IConfigurationSection section, Type type, HashSet<string> registered, List<string> failures)
    {
        var (shape, inner) = OptionKeys.ShapeOf(type);
        if (shape == OptionShape.Scalar || inner is null)
        {
            return;
        }

        if (shape == OptionShape.Object)
        {
            Walk(section, inner, registered, failures);
            return;
        }

        // A dictionary's or a list's own keys are free; what each entry holds is checked by its type.
        foreach (var entry in section.GetChildren())
        {
            Inspect(entry, inner, registered, failures);
        }
    }

    private static IReadOnlyDictionary<string, Type> MembersOf(Type type) =>
        type == typeof(T) ? OwnMembers
        : NestedOptionTypes.Members.TryGetValue(type, out var members) ? members
        : throw new InvalidOperationException($"{type.Name} sits below the {typeof(T).Name} section but is not listed in {nameof(NestedOptionTypes)}");

    // "Slack" knows "SocketMode" when "Slack:SocketMode" is a section of its own.
    private static IEnumerable<string> NestedSections(string parent, HashSet<string> registered) =>
        registered
            .Where(p => p.StartsWith(parent + ":", StringComparison.OrdinalIgnoreCase))
            .Select(p => p[(parent.Length + 1)..])
            .Where(rest => !rest.Contains(':', StringComparison.Ordinal));
}
