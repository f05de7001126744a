using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Outside;

/// <summary>Turns the person an outside execution names into someone four-eyes can hold against: a Slack user id as
/// it is, an email through users.lookupByEmail; anything else stays unknown, and the thread says why.</summary>
public static class RequesterResolution
{
    /// <summary>The execution with its requester resolved, or with <see cref="OutsideExecution.Unresolved"/> saying why not.</summary>
    /// <remarks>Slack's refusals become the reason (never retried: they are permanent); a network fault throws, so the
    /// event comes back and the lookup is tried again before anything is announced.</remarks>
    public static async Task<OutsideExecution> ResolveAsync(OutsideExecution outside, ISlackApi slack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outside);
        ArgumentNullException.ThrowIfNull(slack);
        if (outside.Requester.Length > 0 || outside.RequestedBy is null)
        {
            return outside;
        }

        if (!outside.NamesAnEmail)
        {
            return outside with { Unresolved = "it is neither a Slack user id nor an email" };
        }

        try
        {
            return await slack.LookupUserIdByEmailAsync(outside.RequestedBy, ct) is { } id
                ? outside with { Requester = id }
                : outside with { Unresolved = "no Slack user has this email" };
        }
        catch (SlackApiException e) when (e.Error == "missing_scope")
        {
            return outside with { Unresolved = $"the Slack app lacks the {e.Needed ?? "users:read.email"} scope" };
        }
        catch (SlackApiException e)
        {
            return outside with { Unresolved = $"Slack answered {e.Error}" };
        }
    }
}
