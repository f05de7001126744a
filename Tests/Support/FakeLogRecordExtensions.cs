using Microsoft.Extensions.Logging.Testing;

// In the tests' root namespace, so every feature folder sees these without a using.
namespace SocketDeployer.Tests;

/// <summary>Shorthands the assertions read better with.</summary>
public static class FakeLogRecordExtensions
{
    extension(FakeLogRecord record)
    {
        /// <summary>The numeric event id (the daemon's [LoggerMessage] EventId).</summary>
        public int EventId => record.Id.Id;
    }

    extension(FakeLogCollector collector)
    {
        /// <summary>Every record so far.</summary>
        public IReadOnlyList<FakeLogRecord> Entries => collector.GetSnapshot();

        /// <summary>The records so far with one event id.</summary>
        public IReadOnlyList<FakeLogRecord> WithEventId(int id) => [.. collector.GetSnapshot().Where(r => r.Id.Id == id)];
    }
}
