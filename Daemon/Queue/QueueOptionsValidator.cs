using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Daemon.Queue;

/// <summary>Queue section rules, each failure under its full key ("Queue:Concurrency: …").</summary>
internal sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = OptionKeys.Annotations(new QueueOptionsAnnotations(), options, QueueOptions.Section).ToList();
        if (options.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"{QueueOptions.Section}:VisibilityTimeout: must be a whole number of seconds (SQS takes seconds)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The data annotations of <see cref="QueueOptions"/>, checked by source-generated code (no reflection, trim-safe).</summary>
[OptionsValidator]
internal sealed partial class QueueOptionsAnnotations : IValidateOptions<QueueOptions>
{
}
