using System.Globalization;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Status;

/// <content>The reply to <c>status &lt;execution-id&gt;</c>.</content>
public static partial class StatusMessages
{
    /// <summary>How much of AWS's failure message the reply quotes.</summary>
    public const int MaxFailureLength = 300;

    /// <summary>One execution: who, what, status, current step, times, failure and the console link.</summary>
    public static SlackMessage Execution(string service, AutomationExecution execution, ReleaseInfo? release, Uri console, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var headline = $"{What(service, release)} — *{SlackText.Escape(execution.Status)}* · {ConsoleLink(console, execution.ExecutionId)}";
        var details = new List<string>();
        if (CurrentStep(execution) is { } step)
            details.Add($"{(AutomationStatus.IsTerminal(execution.Status) ? "Last step" : "Current step")}: {SlackText.InlineCode(step.StepName)} ({SlackText.Escape(step.Action)}, {SlackText.Escape(step.Status)})");
        details.Add(Times(execution, now));
        if (!string.IsNullOrEmpty(execution.FailureMessage))
            details.Add("Failure: " + SlackText.InlineCode(execution.FailureMessage, MaxFailureLength));

        var body = string.Join('\n', details);
        return new SlackMessage(headline + "\n" + body, BlockKit.Blocks(BlockKit.Section(headline), BlockKit.Section(body)));
    }

    /// <summary>The id names no execution SSM knows.</summary>
    public static SlackMessage UnknownExecution(string executionId) =>
        DeployMessages.Plain($":grey_question: There is no execution {SlackText.InlineCode(executionId)}. Check the id, or ask `status` for what is running.");

    /// <summary>The execution runs a document no service of the catalog uses.</summary>
    public static SlackMessage NotAService(string executionId) =>
        DeployMessages.Plain($":grey_question: Execution {SlackText.InlineCode(executionId)} does not release any service configured here.");

    /// <summary>AWS could not be asked (after retries).</summary>
    public static SlackMessage Unavailable(string reason) =>
        DeployMessages.Plain($":x: Could not read the status from AWS: {SlackText.Escape(reason, 200)}. Try again in a moment.");

    private static StepExecution? CurrentStep(AutomationExecution execution)
    {
        var current = execution.CurrentStepName is { } name
            ? execution.Steps.LastOrDefault(s => s.StepName == name)
            : null;
        return current ?? execution.Steps.LastOrDefault(s => s.Status is not ("Pending" or ""));
    }

    private static string Times(AutomationExecution execution, DateTimeOffset now) => (execution.StartTime, execution.EndTime) switch
    {
        ({ } start, { } end) => $"Started {Utc(start)}, ended {Utc(end)}, took {Duration(end - start)}",
        ({ } start, null) => $"Started {Utc(start)}, running for {Duration(now - start)}",
        _ => "Not started yet",
    };

    private static string Utc(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
