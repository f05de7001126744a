using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Flow.Status;

public static partial class StatusMessages
{
    /// <summary>The locks section: each lock with who, since when, why and how it ends; a line saying none when free.</summary>
    /// <param name="locks">Each held service's holder, and the console link of its execution when one is recorded.</param>
    public static string Locks(IReadOnlyList<ServiceLock> locks, DateTimeOffset now, string? scope)
    {
        ArgumentNullException.ThrowIfNull(locks);
        if (locks.Count == 0)
            return scope is null ? ":unlock: No service is locked." : $":unlock: *{scope}* is not locked.";
        return List(":lock: *Locks*", [.. locks.Select(l => LockLine(l, now))]);
    }

    private static string LockLine(ServiceLock held, DateTimeOffset now)
    {
        var holder = held.Holder;
        var since = LockMessages.Since(holder.Since, now);
        if (holder.IsManual)
        {
            return $"*{held.Service}* locked by {Person(holder.Requester)} since {since}: {SlackText.Escape(holder.Reason ?? "no reason given", 200)} · " +
                   $"an approver ends it with `unlock {held.Service}`";
        }

        var version = holder.Version is { } v ? " " + SlackText.InlineCode(v) : "";
        var execution = holder.ExecutionId is { } id && held.Console is { } console
            ? $"{ConsoleLink(console, id)} · ends with it, or `cancel {id}`"
            : "its execution is starting · ends when it ends, or at once after a failed start";
        return $"*{held.Service}* held by the release{version} of {Person(holder.Requester)} since {since} · {execution}";
    }
}

/// <summary>A service's lock as status shows it.</summary>
/// <param name="Console">The console link of the holder's execution, when one is recorded.</param>
public sealed record ServiceLock(string Service, LockHolder Holder, Uri? Console);
