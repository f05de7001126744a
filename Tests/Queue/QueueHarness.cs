using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using SocketDeployer.Daemon.Queue;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Queue;

/// <summary>The real receiver, processor and worker over a <see cref="FakeSqs"/> on a <see cref="TimerWatchingFakeTimeProvider"/>.</summary>
internal sealed class QueueHarness : IDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly FakeLoggerProvider _logProvider;
    private readonly ChangeSignal _logged = new();

    public QueueHarness(QueueOptions? options = null)
    {
        Options = options ?? new QueueOptions();
        Sqs = new FakeSqs(Time);
        Logs = FakeLogCollector.Create(new FakeLogCollectorOptions { OutputSink = _ => _logged.Pulse() });
        _logProvider = new FakeLoggerProvider(Logs);
        _loggers = _logProvider.CreateLoggerFactory(LogLevel.Trace);
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        InFlight = new InFlightMessages(Sqs, wrapped, Time, _loggers.CreateLogger<InFlightMessages>());
        Receiver = new QueueReceiver(Sqs, InFlight, wrapped, Time, _loggers.CreateLogger<QueueReceiver>());
        Processor = new QueueProcessor(Sqs, Handler, InFlight, wrapped, Time, _loggers.CreateLogger<QueueProcessor>());
        Worker = new QueueWorker(Receiver, Processor, InFlight, wrapped, _loggers.CreateLogger<QueueWorker>());
    }

    public QueueOptions Options { get; }

    public TimerWatchingFakeTimeProvider Time { get; } = new();

    public FakeSqs Sqs { get; }

    public FakeLogCollector Logs { get; }

    public ScriptedQueueHandler Handler { get; } = new();

    public InFlightMessages InFlight { get; }

    public QueueReceiver Receiver { get; }

    public QueueProcessor Processor { get; }

    public QueueWorker Worker { get; }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking it whenever the queue, the handler, the log or the
    /// clock's timers change (never on a poll interval); fails the test after 10 s of real time saying what was awaited.
    /// </summary>
    public async Task Until(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task[] changes = [Sqs.Changed.Next, Handler.Changed.Next, _logged.Next, Time.NextChange];
            if (condition())
            {
                return;
            }

            try
            {
                await Task.WhenAny(changes).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.That(condition(), Is.True, $"Timed out waiting until {what}");
                return;
            }
        }
    }

    public Task StartAsync() => Worker.StartAsync(CancellationToken.None);

    /// <summary>Stops the worker; the returned task ends when it has fully stopped.</summary>
    public Task StopAsync() => Worker.StopAsync(CancellationToken.None);

    public void Dispose()
    {
        Worker.Dispose();
        _loggers.Dispose();
        _logProvider.Dispose();
    }
}
