namespace SocketDeployer.Sandbox.Slack;

/// <summary>An <c>{"ok":false,"error":…}</c> answer, raised by a method handler.</summary>
internal sealed class SlackApiError : Exception
{
    public SlackApiError(string error, string? needed = null, string? provided = null)
        : base(error)
    {
        Error = error;
        Needed = needed;
        Provided = provided;
    }

    public SlackApiError()
        : this("internal_error")
    {
    }

    public SlackApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = message;
    }

    public string Error { get; }

    public string? Needed { get; }

    public string? Provided { get; }
}
