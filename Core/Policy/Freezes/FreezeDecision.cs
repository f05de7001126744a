using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>What the freezes say about one deploy request: go ahead (maybe breaking glass), or the refusal.</summary>
/// <param name="Refusal">The reply when the deploy is refused; null when it may go ahead.</param>
/// <param name="Why">The audit reason of a refusal: <c>frozen</c> or <c>break-glass not configured</c>.</param>
/// <param name="BreakGlass">The break-glass reason when the deploy goes ahead during a freeze; null otherwise
/// (also when <c>--break-glass</c> was given outside a freeze: nothing to break, so it is ignored).</param>
public sealed record FreezeDecision(SlackMessage? Refusal, string? Why, string? BreakGlass)
{
    public static readonly FreezeDecision Free = new(null, null, null);

    /// <summary>Decides a deploy of <paramref name="service"/> asked now, with <paramref name="breakGlass"/> from
    /// <c>--break-glass</c>, when <paramref name="breakGlassConfigured"/> says whether anyone may approve one.</summary>
    public static FreezeDecision Of(FreezeCalendar calendar, string service, string? breakGlass, bool breakGlassConfigured)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var now = calendar.Now;
        var periods = calendar.InForceAt(service, now);
        if (periods.Count == 0)
        {
            return Free;
        }

        var until = calendar.FrozenUntil(service, now);
        if (breakGlass is null)
        {
            return new(FreezeMessages.Refused(service, periods, until, now, breakGlassConfigured), "frozen", null);
        }

        return breakGlassConfigured
            ? new(null, null, breakGlass)
            : new(FreezeMessages.BreakGlassUnavailable(service, until, now), "break-glass not configured", null);
    }
}
