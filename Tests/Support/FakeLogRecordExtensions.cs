using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

// In the tests' root namespace, so every feature folder sees these without a using.
namespace SocketDeployer.Tests;

/// <summary>Shorthands over Microsoft's log fakes that the assertions read better with.</summary>
public static class FakeLogRecordExtensions
{
    extension(FakeLogRecord record)
    {
        /// <summary>The numeric event id (the daemon's [LoggerMessage] EventId).</summary>
        public int EventId => record.Id.Id;

        /// <summary>One line per record for failure messages: level, event id, category, message.</summary>
        public string Describe() => $"{record.Level} [{record.Id.Id}] {record.Category}: {record.Message}";
    }

    extension(FakeLogCollector collector)
    {
        /// <summary>Every record so far.</summary>
        public IReadOnlyList<FakeLogRecord> Entries => collector.GetSnapshot();

        /// <summary>The records so far with one event id.</summary>
        public IReadOnlyList<FakeLogRecord> WithEventId(int id) => [.. collector.GetSnapshot().Where(r => r.Id.Id == id)];

        /// <summary>
        /// The first record (already logged, or logged later) matching <paramref name="predicate"/>: awaited on the
        /// collector's own stream of records, not polled; a <see cref="TimeoutException"/> lists what was logged.
        /// </summary>
        public async Task<FakeLogRecord> WaitForAsync(Func<FakeLogRecord, bool> predicate, TimeSpan? timeout = null)
        {
            using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            try
            {
                // The enumeration yields the records already collected, then each new one as it is logged.
                await foreach (var record in collector.GetLogsAsync(cancel.Token))
                {
                    if (predicate(record))
                    {
                        return record;
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }

            throw new TimeoutException("Log entry not seen. Logged:\n" + string.Join('\n', collector.GetSnapshot().Select(r => r.Describe())));
        }

        /// <summary>
        /// Waits until <paramref name="condition"/> holds, re-checked as each record is logged: for state that the code
        /// under test changes before it logs the change (a connection's hello, its end), so no change goes unseen and
        /// nothing is polled. Times out as WaitForAsync does, listing what was logged.
        /// </summary>
        public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
        {
            if (!condition())
            {
                await collector.WaitForAsync(_ => condition(), timeout);
            }
        }

        /// <summary>Waits, on the collector's stream of records, until <paramref name="count"/> records match.</summary>
        public async Task WaitForCountAsync(Func<FakeLogRecord, bool> predicate, int count, TimeSpan? timeout = null)
        {
            using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
            var matched = 0;
            try
            {
                await foreach (var record in collector.GetLogsAsync(cancel.Token))
                {
                    if (predicate(record) && ++matched == count)
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }

            throw new TimeoutException($"{matched} of {count} matching log entries seen.");
        }
    }

    extension(FakeLoggerProvider provider)
    {
        /// <summary>Every record so far.</summary>
        public IReadOnlyList<FakeLogRecord> Records => provider.Collector.GetSnapshot();

        /// <summary>A logger factory writing to this provider from <paramref name="minimum"/> up, for code built by hand.</summary>
        public ILoggerFactory CreateLoggerFactory(LogLevel minimum = LogLevel.Debug) =>
            LoggerFactory.Create(logging => logging.AddProvider(provider).SetMinimumLevel(minimum));

        /// <summary>Adds this provider to a daemon's logging, Debug and up (what the assertions read).</summary>
        public void AddTo(IServiceCollection services) =>
            services.AddLogging(logging => logging.AddProvider(provider).AddFilter<FakeLoggerProvider>(null, LogLevel.Debug));

        /// <inheritdoc cref="WaitForAsync(FakeLogCollector, Func{FakeLogRecord, bool}, TimeSpan?)"/>
        public Task<FakeLogRecord> WaitForAsync(Func<FakeLogRecord, bool> predicate, TimeSpan? timeout = null) =>
            provider.Collector.WaitForAsync(predicate, timeout);
    }
}
