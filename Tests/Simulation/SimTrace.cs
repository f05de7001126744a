using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace SocketDeployer.Tests.Simulation;

/// <summary>The schedule as it ran: each step, its answer, and what the code under test logged, stamped with the
/// simulated time since the start. Printed with the seed when an invariant breaks.</summary>
internal sealed class SimTrace(FakeTimeProvider time)
{
    private readonly List<string> lines = [];
    private readonly DateTimeOffset start = time.GetUtcNow();

    /// <summary>Off for the 10,000 runs (speed); a failing seed runs again with it on, taking the same schedule.</summary>
    public bool Enabled { get; set; }

    public void Add(string line)
    {
        if (Enabled)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{lines.Count,4} +{(time.GetUtcNow() - start).TotalSeconds,4:0}s {line}"));
        }
    }

    public static string Show<T>(T value) => value switch
    {
        null => "null",
        SocketDeployer.Core.Policy.Locks.LockHolder holder => SimLockStore.Who(holder),
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Select(o => o?.ToString())) + "]",
        _ => value.ToString() ?? "",
    };

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}

/// <summary>An invariant broke inside a step; the world records it and the schedule stops.</summary>
internal sealed class SimViolationException(string message) : Exception(message);
