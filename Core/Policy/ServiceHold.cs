using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Policy;

/// <summary>Why a service may not be changed now: a lock held by someone else, or a freeze.</summary>
/// <param name="Text">For Slack (mrkdwn, mentions).</param>
/// <param name="Plain">For a tag, a signal's comment and a pipeline's output: no markup.</param>
public sealed record ServiceHold(string Text, string Plain);

/// <summary>Reads whether a service is held for an execution started outside Slack (a gate, a console deploy), which
/// took no lock: a lock by anyone else, or a freeze in force, holds it.</summary>
public sealed class ServiceHolds(ILockStore store, FreezeCalendar freezes)
{
    /// <summary>The hold on <paramref name="service"/> for <paramref name="executionId"/>, or null when it is free.</summary>
    public async Task<ServiceHold?> WhyHeldAsync(ServiceDefinition service, string executionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(service);
        var now = freezes.Now;
        if (await store.GetAsync(service.Name, ct) is { } holder && holder.ExecutionId != executionId)
        {
            var since = LockMessages.Since(holder.Since, now);
            return holder.IsManual
                ? new($"*{service.Name}* is locked by <@{holder.Requester}> since {since}: {SlackText.Escape(holder.Reason ?? "no reason given", 200)} (an approver ends it with `unlock {service.Name}`).",
                      $"{service.Name} is locked by {holder.Requester} since {since}: {holder.Reason ?? "no reason given"} (an approver ends it with: unlock {service.Name})")
                : new($"*{service.Name}* is being deployed by <@{holder.Requester}> since {since} (execution `{holder.ExecutionId ?? "starting"}`).",
                      $"{service.Name} is being deployed by {holder.Requester} since {since} (execution {holder.ExecutionId ?? "starting"})");
        }

        if (freezes.InForceAt(service.Name, now) is [_, ..] periods)
        {
            var until = freezes.FrozenUntil(service.Name, now);
            var names = string.Join(", ", periods.Select(p => $"{p.Window.Name} ({p.Window.Reason})"));
            return new($"*{service.Name}* is frozen: {string.Join("; ", periods.Select(p => FreezeMessages.Period(p, now)))}.",
                       $"{service.Name} is frozen by {names} until {FreezeMessages.Instant(until)} ({FreezeMessages.In(until, now)})");
        }

        return null;
    }
}
