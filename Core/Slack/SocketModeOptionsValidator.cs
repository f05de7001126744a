using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:SocketMode</c> rules: the ranges, and delays that only make sense in order.</summary>
public sealed class SocketModeOptionsValidator : IValidateOptions<SocketModeOptions>
{
    public ValidateOptionsResult Validate(string? name, SocketModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionKeys.Annotations(new SocketModeOptionsAnnotations(), options, SocketModeOptions.Section).ToList();
        if (options.ReconnectBaseDelay > options.ReconnectMaxDelay)
        {
            failures.Add($"{SocketModeOptions.Section}:ReconnectBaseDelay: must not be longer than ReconnectMaxDelay ({HumanDuration.Format(options.ReconnectMaxDelay)})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The data annotations of <see cref="SocketModeOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class SocketModeOptionsAnnotations : IValidateOptions<SocketModeOptions>
{
}
