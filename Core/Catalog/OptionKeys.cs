using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Catalog;

/// <summary>Runs data annotations and reports each failure under its full configuration key.</summary>
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
            yield return $"{prefix}:{member}: {Describe(result.ErrorMessage, member)}";
        }
    }

    // DataAnnotations phrases its messages around the member name ("The AppToken field is required.");
    // the key is already printed in front, so keep only the rule.
    private static string Describe(string? message, string member) =>
        (message ?? "is invalid").Replace($"The {member} field ", "", StringComparison.Ordinal)
                                 .Replace($"The field {member} ", "", StringComparison.Ordinal);
}
