using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Slack;

/// <summary><c>Slack:Pacing</c> rules: every rate and burst within what Slack's limits make sensible.</summary>
public sealed class SlackPacingOptionsValidator : IValidateOptions<SlackPacingOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackPacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionKeys.Annotations(options, SlackPacingOptions.Section).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
