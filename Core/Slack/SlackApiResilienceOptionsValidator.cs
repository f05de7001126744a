using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:Retry</c> rules: the ranges, and a backoff that grows from BaseDelay up to MaxDelay.</summary>
public sealed class SlackApiResilienceOptionsValidator : IValidateOptions<SlackApiResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackApiResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionKeys.Annotations(new SlackApiResilienceOptionsAnnotations(), options, SlackApiResilienceOptions.Section).ToList();
        if (options.BaseDelay > options.MaxDelay)
        {
            failures.Add($"{SlackApiResilienceOptions.Section}:BaseDelay: must not be longer than MaxDelay ({HumanDuration.Format(options.MaxDelay)})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The data annotations of <see cref="SlackApiResilienceOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class SlackApiResilienceOptionsAnnotations : IValidateOptions<SlackApiResilienceOptions>
{
}
