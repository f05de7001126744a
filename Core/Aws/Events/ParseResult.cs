namespace SocketDeployer.Core.Aws.Events;

/// <summary>
/// What a queue body turned out to be. The cases tell the queue worker what to do with the message:
/// act on <see cref="Parsed"/>, delete <see cref="Ignored"/>, leave <see cref="Malformed"/> to the redrive policy (DLQ).
/// </summary>
public abstract record ParseResult
{
    // Closed: the three cases below are the only ones.
    private ParseResult()
    {
    }

    /// <summary>The body is an automation event SocketDeployer handles.</summary>
    public sealed record Parsed(AutomationEvent Event) : ParseResult;

    /// <summary>Well-formed, but from a source or of a kind that is not ours (another EventBridge source or detail-type, an SNS subscription message).</summary>
    public sealed record Ignored(string Reason) : ParseResult;

    /// <summary>The body cannot be read: not JSON, a required field missing or of the wrong type, no execution id to be found.</summary>
    public sealed record Malformed(string Reason) : ParseResult;
}
