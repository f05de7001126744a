using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Tests.Queue;

/// <summary>Collects every log entry of every category, for assertions on event ids and levels.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> WithEventId(int id) => [.. _entries.Where(e => e.EventId == id)];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    internal sealed record Entry(LogLevel Level, int EventId, string Message, Exception? Exception);

    private sealed class Recorder(LogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
