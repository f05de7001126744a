using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow.Plan;
using SocketDeployer.Core.Flow.Rollback;

namespace SocketDeployer.Core.Flow.History;

/// <summary>The commands about a service's releases — <c>history</c>, <c>rollback</c>, <c>plan deploy</c> — routed to their requests.</summary>
public sealed class ReleaseCommands(HistoryRequest history, RollbackRequest rollback, PlanRequest plan)
{
    /// <exception cref="ArgumentException"><paramref name="command"/> is none of the three.</exception>
    public Task HandleAsync(ReplyContext reply, ParsedCommand command, string usage, CancellationToken ct) => command switch
    {
        HistoryCommand h => history.HandleAsync(reply, h, usage, ct),
        RollbackCommand r => rollback.HandleAsync(reply, r, usage, ct),
        PlanCommand p => plan.HandleAsync(reply, p, usage, ct),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a release command", nameof(command)),
    };

    /// <summary>The command as the audit log and the logs name it.</summary>
    public static string Describe(ParsedCommand command) => command switch
    {
        HistoryCommand h => $"history {h.Service} {h.Count}",
        RollbackCommand r => $"rollback {r.Service}{(r.Version is null ? "" : " " + r.Version)}{Flag(r.BreakGlass)}",
        PlanCommand p => $"plan deploy {p.Service} {p.Version}{Flag(p.BreakGlass)}",
        _ => command.ToString() ?? "",
    };

    private static string Flag(string? breakGlass) => breakGlass is null ? "" : $" --break-glass {breakGlass}";
}
