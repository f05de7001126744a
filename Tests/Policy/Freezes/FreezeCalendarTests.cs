using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Core.Policy.Freezes;

namespace SocketDeployer.Tests.Policy.Freezes;

/// <summary>The calendar on a fake clock: a period includes its start and excludes its end, weekly freezes wrap over
/// the week's end, a freeze holds only its services, overlapping freezes chain, and the next freeze is the next start.</summary>
public class FreezeCalendarTests
{
    // Wednesday; Friday is Dec 4, Monday Dec 7.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly FreezeOptions Weekend = new() { Reason = "weekend", Start = "Friday 16:00", End = "Monday 08:00" };

    private static (FreezeCalendar Calendar, FakeTimeProvider Time) Calendar(params (string Name, FreezeOptions Options)[] freezes)
    {
        var time = new FakeTimeProvider(Wednesday);
        var windows = FreezeParser.Windows(freezes.ToDictionary(f => f.Name, f => f.Options, StringComparer.Ordinal));
        return (new FreezeCalendar(windows, time), time);
    }

    private static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0) => new(2026, 12, day, hour, minute, second, TimeSpan.Zero);

    [Test]
    public void AWeeklyFreezeHoldsFromItsStartUntilJustBeforeItsEnd()
    {
        var (calendar, time) = Calendar(("weekend", Weekend));
        var seen = new List<(DateTimeOffset, bool)>();
        foreach (var at in new[] { At(4, 15, 59, 59), At(4, 16), At(6, 3), At(7, 7, 59, 59), At(7, 8) })
        {
            time.SetUtcNow(at);
            seen.Add((at, calendar.InForce("app").Count == 1));
        }

        Assert.That(seen.Select(s => s.Item2), Is.EqualTo(new[] { false, true, true, true, false }));
    }

    [Test]
    public void AWeeklyPeriodAcrossTheWeeksEndIsOnePeriodSeenFromEitherSide()
    {
        var (calendar, time) = Calendar(("night", new FreezeOptions { Reason = "batch", Start = "Sunday 22:00", End = "Mon 02:00 UTC" }));
        time.SetUtcNow(At(6, 23));
        var sunday = calendar.InForce(null).Single();
        time.SetUtcNow(At(7, 1, 30));
        var monday = calendar.InForce(null).Single();

        Assert.Multiple(() =>
        {
            Assert.That((sunday.Start, sunday.End), Is.EqualTo((At(6, 22), At(7, 2))));
            Assert.That(monday, Is.EqualTo(sunday));
        });
    }

    [Test]
    public void AnAbsoluteFreezeIncludesItsStartAndExcludesItsEnd()
    {
        var (calendar, _) = Calendar(("xmas", new FreezeOptions { Reason = "holidays", Start = "2026-12-23T18:00:00Z", End = "2027-01-04T08:00:00+00:00" }));
        Assert.Multiple(() =>
        {
            Assert.That(calendar.InForceAt("app", At(23, 17, 59, 59)), Is.Empty);
            Assert.That(calendar.InForceAt("app", At(23, 18)).Single().End, Is.EqualTo(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero)));
            Assert.That(calendar.InForceAt("app", new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero)), Is.Empty);
        });
    }

    [Test]
    public void AFreezeOfSomeServicesLeavesTheOthersFree()
    {
        var (calendar, time) = Calendar(("app-only", new FreezeOptions { Reason = "migration", Start = "Wednesday 10:00", End = "Wednesday 14:00", Services = ["app"] }));
        Assert.Multiple(() =>
        {
            Assert.That(calendar.InForce("app"), Has.Count.EqualTo(1));
            Assert.That(calendar.InForce("ui"), Is.Empty);
            Assert.That(calendar.InForce(null), Has.Count.EqualTo(1), "help and the status of everything show every freeze");
            Assert.That(calendar.Next("ui"), Is.Null);
        });
    }

    [Test]
    public void OverlappingFreezesAreAllInForceAndTheServiceIsFreeAfterTheirChainEnds()
    {
        var (calendar, time) = Calendar(
            ("weekend", Weekend),
            ("release-week", new FreezeOptions { Reason = "launch", Start = "2026-12-01T00:00:00Z", End = "2026-12-05T12:00:00Z" }),
            ("after", new FreezeOptions { Reason = "cleanup", Start = "2026-12-07T08:00:00Z", End = "2026-12-08T00:00:00Z" }));
        time.SetUtcNow(At(4, 17));

        var inForce = calendar.InForce("app");
        Assert.Multiple(() =>
        {
            Assert.That(inForce.Select(p => p.Window.Name), Is.EqualTo(new[] { "weekend", "release-week" }), "ending last first");
            Assert.That(calendar.FrozenUntil("app", At(4, 17)), Is.EqualTo(At(8, 0)), "the weekend ends where the cleanup starts");
            Assert.That(calendar.FrozenUntil("app", At(2, 12)), Is.EqualTo(At(8, 0)), "the launch freeze runs into the weekend");
            Assert.That(calendar.FrozenUntil("app", At(7, 9)), Is.EqualTo(At(8, 0)), "the cleanup on its own");
            Assert.That(calendar.FrozenUntil("app", At(9, 12)), Is.EqualTo(At(9, 12)), "free: now");
        });
    }

    [Test]
    public void TheNextFreezeIsTheEarliestStartAfterNow()
    {
        var (calendar, time) = Calendar(("weekend", Weekend), ("xmas", new FreezeOptions { Reason = "holidays", Start = "2026-12-23T18:00:00Z", End = "2027-01-04T08:00:00Z" }));
        var fromWednesday = calendar.Next("app")!;
        time.SetUtcNow(At(5, 10));
        var duringTheWeekend = calendar.Next("app")!;
        time.SetUtcNow(At(16, 12));
        var beforeChristmas = calendar.Next("app")!;

        Assert.Multiple(() =>
        {
            Assert.That((fromWednesday.Window.Name, fromWednesday.Start), Is.EqualTo(("weekend", At(4, 16))));
            Assert.That(duringTheWeekend.Start, Is.EqualTo(At(11, 16)), "the one in force is not the next");
            Assert.That((beforeChristmas.Window.Name, beforeChristmas.Start), Is.EqualTo(("weekend", At(18, 16))));
            Assert.That(calendar.NextAt("app", At(21, 9))!.Window.Name, Is.EqualTo("xmas"));
        });
    }
}
