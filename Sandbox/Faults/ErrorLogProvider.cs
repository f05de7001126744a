using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Sandbox.Faults;

/// <summary>Records the in-process daemon's Error and Critical entries that carry an exception.</summary>
internal sealed class ErrorLogProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<DaemonError> _errors = new();

    public IReadOnlyList<DaemonError> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLogProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                owner._errors.Enqueue(new DaemonError(category, eventId.Id, formatter(state, exception), exception.GetType().Name));
            }
        }
    }
}
