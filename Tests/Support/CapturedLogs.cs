using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace SocketDeployer.Tests.Support;

/// <summary>
/// Every log entry of a daemon, through Microsoft's <see cref="FakeLoggerProvider"/>, so tests can await a log event
/// (<see cref="FakeLogCollector.GetLogsAsync"/>) instead of sleeping.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly FakeLoggerProvider provider = new(new FakeLogCollector());

    public FakeLogCollector Collector => provider.Collector;

    public IReadOnlyList<FakeLogRecord> Records => Collector.GetSnapshot();

    public void AddTo(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(provider).AddFilter<FakeLoggerProvider>(null, LogLevel.Debug));

    public async Task<FakeLogRecord> WaitForAsync(Func<FakeLogRecord, bool> predicate, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            // The enumeration yields the records already collected, then each new one as it is logged.
            await foreach (var record in Collector.GetLogsAsync(cancel.Token))
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

        throw new TimeoutException("Log entry not seen. Logged:\n" + string.Join('\n', Records.Select(Describe)));
    }

    public static string Describe(FakeLogRecord r) => $"{r.Level} [{r.Id.Id}] {r.Category}: {r.Message}";

    public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

    public void Dispose() => provider.Dispose();
}
