namespace SocketDeployer.Core.Policy.Freezes;

/// <summary>
/// A validated freeze: absolute (one period) or weekly (a period every week). Periods include their start and
/// exclude their end, so a freeze ending at 08:00 lets a deploy asked for at 08:00 through.
/// </summary>
/// <param name="Name">The key under <c>Deploy:Freezes</c>, e.g. <c>friday</c>.</param>
/// <param name="Services">The aliases it holds; empty for every service.</param>
public abstract record FreezeWindow(string Name, string Reason, IReadOnlySet<string> Services)
{
    /// <summary>Whether it holds <paramref name="service"/>; null (help, the status of everything) matches every freeze.</summary>
    public bool AppliesTo(string? service) => service is null || Services.Count == 0 || Services.Contains(service);

    /// <summary>The period that contains <paramref name="at"/>, if one does.</summary>
    public abstract FreezePeriod? Containing(DateTimeOffset at);

    /// <summary>The first period that starts after <paramref name="at"/>, if one does.</summary>
    public abstract FreezePeriod? NextAfter(DateTimeOffset at);
}

/// <summary>One period of a freeze, in UTC.</summary>
public sealed record FreezePeriod(FreezeWindow Window, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A freeze from one instant to another.</summary>
public sealed record AbsoluteFreeze(string Name, string Reason, IReadOnlySet<string> Services, DateTimeOffset From, DateTimeOffset Until)
    : FreezeWindow(Name, Reason, Services)
{
    public override FreezePeriod? Containing(DateTimeOffset at) => at >= From && at < Until ? new(this, From, Until) : null;

    public override FreezePeriod? NextAfter(DateTimeOffset at) => From > at ? new(this, From, Until) : null;
}

/// <summary>A freeze every week from one weekday and time to another (UTC); it may span the week's end.</summary>
/// <param name="From">Time since Monday 00:00 UTC at which it starts.</param>
/// <param name="Length">How long each period lasts: more than zero, less than a week.</param>
public sealed record WeeklyFreeze(string Name, string Reason, IReadOnlySet<string> Services, TimeSpan From, TimeSpan Length)
    : FreezeWindow(Name, Reason, Services)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public override FreezePeriod? Containing(DateTimeOffset at)
    {
        var start = LatestStartAtOrBefore(at);
        return at < start + Length ? new(this, start, start + Length) : null;
    }

    public override FreezePeriod? NextAfter(DateTimeOffset at)
    {
        var start = LatestStartAtOrBefore(at) + Week;
        return new(this, start, start + Length);
    }

    // Monday 00:00 UTC of at's week, plus From; a week earlier when that is still ahead of at.
    private DateTimeOffset LatestStartAtOrBefore(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var monday = new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(-(((int)utc.DayOfWeek + 6) % 7));
        var start = monday + From;
        return start > utc ? start - Week : start;
    }
}
