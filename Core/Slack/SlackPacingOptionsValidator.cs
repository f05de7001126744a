using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:Pacing</c> rules: every rate and burst within what Slack's limits make sensible.</summary>
public sealed class SlackPacingOptionsValidator : IValidateOptions<SlackPacingOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackPacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionKeys.Annotations(new SlackPacingOptionsAnnotations(), options, SlackPacingOptions.Section).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The data annotations of <see cref="SlackPacingOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class SlackPacingOptionsAnnotations : IValidateOptions<SlackPacingOptions>
{
}
