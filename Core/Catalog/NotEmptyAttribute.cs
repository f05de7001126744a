using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace SocketDeployer.Core.Catalog;

/// <summary>
/// A list or dictionary option that must hold at least one entry. It replaces <c>[MinLength(1)]</c>, whose
/// constructor is marked unsafe for trimming (it may look up a Count property by reflection).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotEmptyAttribute : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is ICollection { Count: 0 }
            ? new ValidationResult("must list at least one entry", validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}
