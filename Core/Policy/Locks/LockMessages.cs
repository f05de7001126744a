using System.Globalization;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Policy.Locks;

/// <summary>What a lock refusal says: who holds the service, since when, why (the release or the reason), and how it ends.</summary>
public static class LockMessages
{
    /// <summary>The refusal of a deploy because <paramref name="holder"/> holds the service.</summary>
    /// <param name="console">The console link of the holder's execution, when one was recorded.</param>
    public static SlackMessage Held(ServiceDefinition service, LockHolder holder, Uri? console, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(holder);
        var since = Since(holder.Since, now);
        string text;
        if (holder.IsManual)
        {
            text = $":lock: *{service.Name}* is locked by <@{holder.Requester}> since {since}: {SlackText.Escape(holder.Reason ?? "no reason given")}. " +
                   $"An approver of *{service.Name}* can release it with `unlock {service.Name}`.";
        }
        else
        {
            var what = holder.Version is { } version ? $" `{SlackText.Escape(version)}`" : "";
            var execution = holder.ExecutionId is { } id
                ? $"execution <{console}|`{id}`>"
                : "its execution is starting";
            var end = holder.ExecutionId is { } running
                ? $"The lock is released when it ends; wait for it, or `cancel {running}` first."
                : "The lock is released when it starts and ends, or after a failed start.";
            text = $":lock: *{service.Name}* is already being deployed{what} by <@{holder.Requester}> since {since} ({execution}). {end}";
        }

        return new SlackMessage(text, Flow.BlockKit.Blocks(Flow.BlockKit.Section(text)));
    }

    /// <summary>The answer to a successful <c>lock</c>.</summary>
    public static SlackMessage Locked(ServiceDefinition service, LockHolder holder)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(holder);
        return Plain($":lock: <@{holder.Requester}> locked *{service.Name}*: {SlackText.Escape(holder.Reason ?? "")}. " +
                     $"Deploys of *{service.Name}* are refused until an approver runs `unlock {service.Name}`.");
    }

    /// <summary>The answer to a successful <c>unlock</c>, naming the lock it ended.</summary>
    public static SlackMessage Unlocked(ServiceDefinition service, LockHolder ended, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(ended);
        return Plain($":unlock: <@{user}> unlocked *{service.Name}* (locked by <@{ended.Requester}> since {Since(ended.Since, now)}: " +
                     $"{SlackText.Escape(ended.Reason ?? "")}). It can be deployed again.");
    }

    /// <summary><c>unlock</c> of a free service.</summary>
    public static SlackMessage NotLocked(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Plain($":information_source: *{service.Name}* is not locked.");
    }

    /// <summary><c>unlock</c> while a release holds the service: that lock ends with the release, not by hand.</summary>
    public static SlackMessage HeldByRelease(ServiceDefinition service, LockHolder holder, Uri? console, DateTimeOffset now)
    {
        var held = Held(service, holder, console, now);
        return Plain(held.Text + " `unlock` only ends manual locks.");
    }

    /// <summary>The lock table refused or failed; nothing changed.</summary>
    public static SlackMessage StoreFailed(string service, string code, string message) =>
        Plain($":x: Could not read or change the lock of *{service}*: {SlackText.Escape($"{code}: {message}")}. Nothing changed.");

    /// <summary>The lock changed hands on every attempt.</summary>
    public static SlackMessage Busy(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Plain($":hourglass: The lock of *{service.Name}* changed hands while I was taking it; ask again in a moment.");
    }

    private static SlackMessage Plain(string text) => new(text, Flow.BlockKit.Blocks(Flow.BlockKit.Section(text)));

    /// <summary>"10:30 UTC", with the date when it is not <paramref name="now"/>'s day in UTC.</summary>
    internal static string Since(DateTimeOffset since, DateTimeOffset now) =>
        since.UtcDateTime.ToString(since.UtcDateTime.Date == now.UtcDateTime.Date ? "HH:mm 'UTC'" : "MMM d HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
