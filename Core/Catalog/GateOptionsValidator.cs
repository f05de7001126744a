using Microsoft.Extensions.Options;

namespace SocketDeployer.Core.Catalog;

/// <summary>Deploy:Gate rules: a name and a pinned version. The daemon checks them as part of Deploy; <c>gate</c> on their own.</summary>
public sealed class GateOptionsValidator : IValidateOptions<GateOptions>
{
    public ValidateOptionsResult Validate(string? name, GateOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, each naming its key.</summary>
    public static IEnumerable<string> Failures(GateOptions gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        foreach (var failure in OptionKeys.Annotations(new GateOptionsAnnotations(), gate, GateOptions.Section))
        {
            yield return failure;
        }

        if (gate.DocumentVersion is "$DEFAULT" or "$LATEST")
        {
            yield return $"{GateOptions.Section}:DocumentVersion: must be a pinned version number, not {gate.DocumentVersion} (a pipeline waits on the document that was reviewed)";
        }
    }
}

/// <summary>The data annotations of <see cref="GateOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class GateOptionsAnnotations : IValidateOptions<GateOptions>
{
}
