using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SocketDeployer.Daemon.Queue;

/// <summary>Queue section rules, each failure under its full key ("Queue:Concurrency: …").</summary>
internal sealed class QueueOptionsValidator : IValidateOptions<QueueOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Annotations(options).ToList();
        if (options.VisibilityTimeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add($"{QueueOptions.Section}:VisibilityTimeout: must be a whole number of seconds (SQS takes seconds)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Same phrasing as Core's option validators; that helper is internal to Core.
    private static IEnumerable<string> Annotations(QueueOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? "";
            var rule = (result.ErrorMessage ?? "is invalid").Replace($"The field {member} ", "", StringComparison.Ordinal);
            yield return $"{QueueOptions.Section}:{member}: {rule}";
        }
    }
}
