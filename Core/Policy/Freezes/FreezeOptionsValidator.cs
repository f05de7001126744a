using System.Text.RegularExpressions;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>The rules of <c>Deploy:Freezes</c> and <c>Deploy:BreakGlassApprovers</c>, checked as part of Deploy;
/// each failure names its key (<c>Deploy:Freezes:friday:End: …</c>).</summary>
public static partial class FreezeOptionsValidator
{
    /// <summary>Every failure of the freezes and break-glass approvers of <paramref name="deploy"/>.</summary>
    public static IEnumerable<string> Failures(DeployOptions deploy)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        foreach (var (name, freeze) in deploy.Freezes.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var key = $"{FreezeParser.Section}:{name}";
            if (freeze is null)
            {
                yield return $"{key}: needs Reason, Start and End";
                continue;
            }

            var annotations = OptionKeys.Annotations(new FreezeOptionsAnnotations(), freeze, key).ToList();
            foreach (var failure in annotations)
            {
                yield return failure;
            }

            if (annotations.Count == 0 && FreezeParser.Window(name, freeze, out var error) is null)
            {
                yield return error!;
            }

            for (var i = 0; i < freeze.Services.Count; i++)
            {
                if (!deploy.Services.ContainsKey(freeze.Services[i] ?? ""))
                {
                    yield return $"{key}:Services:{i}: '{freeze.Services[i]}' is not a service of Deploy:Services";
                }
            }
        }

        for (var i = 0; i < deploy.BreakGlassApprovers.Count; i++)
        {
            if (!PersonId().IsMatch(deploy.BreakGlassApprovers[i] ?? ""))
            {
                yield return $"Deploy:BreakGlassApprovers:{i}: '{deploy.BreakGlassApprovers[i]}' is not a user ID (U…/W…) or user-group ID (S…)";
            }
        }
    }

    [GeneratedRegex("^[UWS][A-Z0-9]{2,}$")]
    private static partial Regex PersonId();
}

/// <summary>The data annotations of <see cref="FreezeOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class FreezeOptionsAnnotations : Microsoft.Extensions.Options.IValidateOptions<FreezeOptions>
{
}
