using SocketDeployer.Core.Slack;

namespace SocketDeployer.Core.Flow.Refusals;

/// <summary>What to do with one refusal to one person.</summary>
public enum RefusalVerdict
{
    /// <summary>Post the refusal.</summary>
    Answer,

    /// <summary>Post one "slow down" message instead; the person is silenced from now on.</summary>
    SlowDown,

    /// <summary>Post nothing (the refusal is still audited and logged).</summary>
    Silent,
}

/// <summary>
/// Per-person throttling of refusals: <see cref="SlackPacingOptions.RefusalsPerPerson"/> answered within
/// <see cref="SlackPacingOptions.RefusalWindow"/>, then one "slow down", then silence for
/// <see cref="SlackPacingOptions.RefusalSilence"/>; so a flood from one person costs the channel a handful of posts.
/// </summary>
public sealed class RefusalThrottle(SlackPacingOptions options, TimeProvider time)
{
    private const int PruneEvery = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private int _calls;

    /// <summary>Refusals answered per person within <see cref="Window"/>.</summary>
    public int PerPerson => options.RefusalsPerPerson;

    /// <summary>The window <see cref="PerPerson"/> counts in.</summary>
    public TimeSpan Window => options.RefusalWindow;

    /// <summary>How long a person told to slow down gets no refusal replies.</summary>
    public TimeSpan Silence => options.RefusalSilence;

    /// <summary>Counts one refusal to <paramref name="user"/> and says whether to post it.</summary>
    public RefusalVerdict Next(string user)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (++_calls % PruneEvery == 0)
            {
                Prune(now);
            }

            if (!_people.TryGetValue(user, out var person))
            {
                _people[user] = person = new Person();
            }

            if (person.SilentUntil > now)
            {
                return RefusalVerdict.Silent;
            }

            while (person.Answered.TryPeek(out var at) && at <= now - options.RefusalWindow)
            {
                person.Answered.Dequeue();
            }

            if (person.Answered.Count < options.RefusalsPerPerson)
            {
                person.Answered.Enqueue(now);
                return RefusalVerdict.Answer;
            }

            person.Answered.Clear();
            person.SilentUntil = now + options.RefusalSilence;
            return RefusalVerdict.SlowDown;
        }
    }

    // People who are neither silenced nor have a refusal in the window are forgotten: the map stays as small as the
    // set of people refused lately.
    private void Prune(DateTimeOffset now)
    {
        foreach (var (user, person) in _people.ToList())
        {
            if (person.SilentUntil <= now && (!person.Answered.TryPeek(out _) || person.Answered.Last() <= now - options.RefusalWindow))
            {
                _people.Remove(user);
            }
        }
    }

    private sealed class Person
    {
        public Queue<DateTimeOffset> Answered { get; } = new();

        public DateTimeOffset SilentUntil { get; set; }
    }
}
