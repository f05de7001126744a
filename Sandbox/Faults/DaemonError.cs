namespace SocketDeployer.Sandbox.Faults;

/// <summary>A log entry at Error or Critical that carried an exception.</summary>
/// <param name="Category">Logger category.</param>
/// <param name="EventId">Event id (0 when read from a process's console).</param>
/// <param name="Text">The rendered message (and exception, from a console line).</param>
/// <param name="ExceptionType">The exception's type name.</param>
public sealed record DaemonError(string Category, int EventId, string Text, string ExceptionType)
{
    /// <inheritdoc />
    public override string ToString() => $"{Category}[{EventId}] {ExceptionType}: {Text}";
}
