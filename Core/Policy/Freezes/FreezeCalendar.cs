using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>
/// The configured freezes (<c>Deploy:Freezes</c>), asked with the injected clock:
/// which freezes hold a service now, until when, and which comes next.
/// </summary>
public sealed class FreezeCalendar
{
    // Chained periods (a weekly freeze inside a holiday freeze) are followed at most this far.
    private const int MaxChain = 64;

    private readonly TimeProvider time;

    public FreezeCalendar(IOptions<DeployOptions> options, TimeProvider time)
        : this(FreezeParser.Windows(options.Value.Freezes), time)
    {
    }

    public FreezeCalendar(IReadOnlyList<FreezeWindow> windows, TimeProvider time)
    {
        Windows = windows;
        this.time = time;
    }

    /// <summary>Every configured freeze, ordered by name.</summary>
    public IReadOnlyList<FreezeWindow> Windows { get; }

    /// <summary>The current time as the calendar reads it.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The periods holding <paramref name="service"/> now (null: any freeze, whatever its services), ending last first.</summary>
    public IReadOnlyList<FreezePeriod> InForce(string? service) => InForceAt(service, Now);

    /// <summary>The periods holding <paramref name="service"/> at <paramref name="at"/>, ending last first.</summary>
    public IReadOnlyList<FreezePeriod> InForceAt(string? service, DateTimeOffset at) =>
        [.. Windows.Where(w => w.AppliesTo(service)).Select(w => w.Containing(at)).OfType<FreezePeriod>()
            .OrderByDescending(p => p.End).ThenBy(p => p.Window.Name, StringComparer.Ordinal)];

    /// <summary>When <paramref name="service"/> is free again: the end of the chain of periods that overlap or touch
    /// from <paramref name="at"/> on; <paramref name="at"/> itself when nothing holds it.</summary>
    public DateTimeOffset FrozenUntil(string? service, DateTimeOffset at)
    {
        var until = at;
        for (var i = 0; i < MaxChain && InForceAt(service, until) is [var latest, ..]; i++)
        {
            until = latest.End;
        }

        return until;
    }

    /// <summary>The next period to begin after now for <paramref name="service"/> (null: any freeze, whatever its services).</summary>
    public FreezePeriod? Next(string? service) => NextAt(service, Now);

    /// <summary>The first period that starts after <paramref name="at"/>.</summary>
    public FreezePeriod? NextAt(string? service, DateTimeOffset at) =>
        Windows.Where(w => w.AppliesTo(service)).Select(w => w.NextAfter(at)).OfType<FreezePeriod>()
            .OrderBy(p => p.Start).ThenBy(p => p.Window.Name, StringComparer.Ordinal).FirstOrDefault();
}
