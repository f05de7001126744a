using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Tests.Support;

/// <summary>A logger provider that records every entry, so tests can await a log event instead of sleeping.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> records = new();
    private event Action<LogRecord>? Logged;

    public IReadOnlyList<LogRecord> Records => [.. records];

    public void AddTo(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(this).AddFilter<CapturedLogs>(null, LogLevel.Debug));

    public async Task<LogRecord> WaitForAsync(Func<LogRecord, bool> predicate, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<LogRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLogged(LogRecord r)
        {
            if (predicate(r))
            {
                found.TrySetResult(r);
            }
        }

        Logged += OnLogged;
        try
        {
            if (records.FirstOrDefault(predicate) is { } existing)
            {
                return existing;
            }

            return await found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("Log entry not seen. Logged:\n" + string.Join('\n', records.Select(r => r.ToString())));
        }
        finally
        {
            Logged -= OnLogged;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogRecord record)
    {
        records.Enqueue(record);
        Logged?.Invoke(record);
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogRecord(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

public sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} [{EventId}] {Category}: {Message}";
}
