namespace SocketDeployer.Core.Slack;

/// <summary>Which post goes first when a channel's posting slots are scarce (<see cref="SlackPacing"/>).</summary>
/// <remarks>Lower values go first; within a class, oldest first. A flood of refusals can then never hold a
/// release's messages back by more than the one post already on the wire.</remarks>
public enum PostPriority
{
    /// <summary>A running release's messages: start reply, approval prompt, progress, result, failures.</summary>
    Release = 0,

    /// <summary>Answers to valid commands: help, status, lock messages, cancel confirmations.</summary>
    Answer = 1,

    /// <summary>Refusals of malformed or unauthorised commands: last, and shed when too many already wait.</summary>
    Refusal = 2,
}

/// <summary>A refusal was not posted: too many refusals already waited for the channel's posting slots.</summary>
/// <remarks>Thrown only for <see cref="PostPriority.Refusal"/>; the caller has audited and logged the refusal, so
/// dropping its reply loses nothing but noise.</remarks>
public sealed class PostShedException : Exception
{
    public PostShedException(string channel)
        : base($"Refusal not posted in {channel}: too many refusals already wait for the channel's posting slots")
    {
        Channel = channel;
    }

    public PostShedException()
    {
        Channel = "";
    }

    public PostShedException(string message, Exception innerException) : base(message, innerException)
    {
        Channel = "";
    }

    /// <summary>The channel whose queue was full.</summary>
    public string Channel { get; }
}
