namespace SocketDeployer.Tests.Hostile;

/// <summary>What a hostile input must draw from the daemon.</summary>
public enum Answer
{
    /// <summary>Nothing said in Slack; the case's log event shows it was seen and dropped.</summary>
    Silence,

    /// <summary>A public reply in the case's thread.</summary>
    ThreadReply,

    /// <summary>A reply only the sender sees.</summary>
    Ephemeral,

    /// <summary>A queue body logged as unparsable and left on the queue for the redrive policy.</summary>
    QueueRetained,

    /// <summary>A queue body recognised as not ours (or of no release) and deleted, with nothing said.</summary>
    QueueDeleted,
}

/// <param name="Answer">The answer.</param>
/// <param name="Containing">Text the reply must hold (Slack mrkdwn as posted).</param>
/// <param name="Audited">Whether a person was refused: exactly one new "refused" audit line.</param>
/// <param name="LogEventId">For <see cref="Answer.Silence"/>: the log event that shows the daemon dropped it.</param>
public sealed record Expect(Answer Answer, string? Containing = null, bool Audited = false, int? LogEventId = null)
{
    public static Expect Silent(int logEventId, bool audited = false) => new(Answer.Silence, Audited: audited, LogEventId: logEventId);

    public static Expect Thread(string containing, bool audited = true) => new(Answer.ThreadReply, containing, audited);

    public static Expect Private(string containing, bool audited = true) => new(Answer.Ephemeral, containing, audited);

    public static Expect Retained { get; } = new(Answer.QueueRetained, LogEventId: 3007);

    public static Expect Deleted { get; } = new(Answer.QueueDeleted);
}

/// <summary>What a case sent, so the answer can be told apart from every other case's.</summary>
/// <param name="Markers">Ids a log line about this input holds (envelope, event, message or execution id).</param>
/// <param name="Thread">The thread a reply belongs in.</param>
/// <param name="User">The person who sent it.</param>
/// <param name="MessageId">The SQS message id.</param>
/// <param name="RawFrame">A frame with no envelope id: only the count of its log event tells it was read.</param>
public sealed record Sent(
    IReadOnlyList<string> Markers,
    string? Thread = null,
    string? User = null,
    string? MessageId = null,
    bool RawFrame = false);

/// <summary>One hostile input: how to send it and what it must draw.</summary>
public sealed record HostileCase(string Family, string Name, Expect Expect, Func<CorpusDriver, Task<Sent>> Send)
{
    public override string ToString() => $"{Family}: {Name}";
}
