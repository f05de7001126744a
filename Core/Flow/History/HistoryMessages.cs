using System.Globalization;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Status;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.History;

/// <summary>The reply to <c>history &lt;service&gt; [N]</c>, as a pure function of the records read.</summary>
public static class HistoryMessages
{
    /// <summary>One line per release, newest first: version, result, duration, requester, approvers, when, console link.</summary>
    public static SlackMessage List(ServiceDefinition service, IReadOnlyList<ReleaseRecord> records, Func<string, Uri> console, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(console);
        if (records.Count == 0)
            return DeployMessages.Plain($":grey_question: *{service.Name}* has no release started from Slack yet. `run deploy {service.Name} &lt;version&gt;` starts one.");

        var heading = string.Create(CultureInfo.InvariantCulture,
            $":scroll: *{service.Name}* — the last {(records.Count == 1 ? "release" : $"{records.Count} releases")}, newest first");
        var lines = records.Take(CommandParser.MaxHistory).Select(r => "• " + Line(r, console(r.ExecutionId), now)).ToList();
        // A line with its console link is ~250 characters: 50 of them need several sections of at most 3,000.
        var blocks = new List<System.Text.Json.Nodes.JsonObject> { BlockKit.Section(heading) };
        var chunk = new List<string>();
        foreach (var line in lines)
        {
            if (chunk.Count > 0 && chunk.Sum(l => l.Length + 1) + line.Length > BlockKit.SectionLimit)
            {
                blocks.Add(BlockKit.Section(string.Join('\n', chunk)));
                chunk.Clear();
            }

            chunk.Add(line);
        }

        blocks.Add(BlockKit.Section(string.Join('\n', chunk)));
        blocks.Add(BlockKit.Context($"`rollback {service.Name}` releases the previous successful version · `status &lt;execution-id&gt;` for one release"));
        return new SlackMessage(heading + "\n" + string.Join('\n', lines), BlockKit.Blocks([.. blocks]));
    }

    /// <summary>"`r-99.1.0` — :white_check_mark: Success in 2m · by @alice · approved by @bob · 2026-12-02 01:00 UTC · `id`".</summary>
    public static string Line(ReleaseRecord record, Uri console, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rollback = record.IsRollback ? ":rewind: rollback to " : "";
        var took = (record.Start, record.End) switch
        {
            ({ } start, { } end) => $" in {StatusMessages.Duration(end - start)}",
            ({ } start, null) => $" for {StatusMessages.Duration(now - start)}",
            _ => "",
        };
        var approvers = record.Approvers.Count == 0 ? "" : $" · approved by {string.Join(", ", record.Approvers.Select(StatusMessages.Person))}";
        var when = record.Start is { } at ? $" · {ChangeMessages.Utc(at)}" : "";
        return $"{rollback}{SlackText.InlineCode(record.Version)} — {Icon(record.Status)} {SlackText.Escape(record.Status)}{took} · by {Requester(record)}{approvers}{when} · "
            + StatusMessages.ConsoleLink(console, record.ExecutionId);
    }

    private static string Requester(ReleaseRecord record) =>
        record.Requester.Length == 0 ? "someone outside Slack" : StatusMessages.Person(record.Requester);

    private static string Icon(string status) => status switch
    {
        "Success" or "CompletedWithSuccess" => ":white_check_mark:",
        "Failed" or "CompletedWithFailure" or "TimedOut" => ":x:",
        "Cancelled" or "Cancelling" => ":octagonal_sign:",
        _ => ":arrows_counterclockwise:",
    };
}
