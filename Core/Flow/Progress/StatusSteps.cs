using System.Text;
using SocketDeployer.Core.Commands;

namespace SocketDeployer.Core.Flow.Progress;

/// <summary>The step lines inside the status message: one per step, with its state and, once it ended, its duration.
/// They replace the thread message each finished step used to get (issue 12): a clean release is then three posts.</summary>
public static class StatusSteps
{
    /// <summary>Step names are cut to this many characters: a document of 28 steps still fits one section.</summary>
    private const int NameLimit = 60;

    /// <summary>The lines, newest last; when they would not fit one section, the oldest give way to a count of them.</summary>
    public static string Render(IReadOnlyList<StepView> steps, bool releaseEnded)
    {
        var lines = steps.Select(s => Line(s, releaseEnded)).ToList();
        var hidden = 0;
        while (lines.Count > 1 && lines.Sum(l => l.Length + 1) + 40 > BlockKit.SectionLimit)
        {
            lines.RemoveAt(0);
            hidden++;
        }

        var text = new StringBuilder();
        if (hidden > 0)
        {
            text.Append("_… ").Append(hidden).Append(hidden == 1 ? " earlier step_\n" : " earlier steps_\n");
        }

        return text.AppendJoin('\n', lines).ToString();
    }

    /// <summary>One step's line, e.g. <c>:white_check_mark: *build* succeeded (12s)</c>.</summary>
    public static string Line(StepView step, bool releaseEnded)
    {
        var name = $"*{SlackText.Escape(step.Name, NameLimit)}*";
        var took = step.Duration is null ? "" : $" ({step.Duration})";
        return (step.Status, step.Approval) switch
        {
            ("Success", true) => $":white_check_mark: {name} approved{took}",
            ("Failed", true) => $":no_entry_sign: {name} rejected{took}",
            ("Success", false) => $":white_check_mark: {name} succeeded{took}",
            ("TimedOut", _) => $":alarm_clock: {name} timed out{took}",
            ("Cancelled", _) => $":octagonal_sign: {name} was cancelled{took}",
            (_, _) when step.Ended => $":x: {name} {step.Status.ToLowerInvariant()}{took}",
            // SSM lists a document's later steps as Pending from the start; once the release ended they never will run.
            ("Pending", _) when releaseEnded => $":heavy_minus_sign: {name} did not run",
            _ when releaseEnded => $":heavy_minus_sign: {name} did not finish",
            ("Pending", _) => $":white_circle: {name} pending",
            (_, true) => $":raised_hand: {name} waiting for approval",
            _ => $":arrow_forward: {name} running",
        };
    }
}
