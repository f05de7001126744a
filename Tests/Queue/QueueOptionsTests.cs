using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Aws;
using SocketDeployer.Daemon.Queue;

namespace SocketDeployer.Tests.Queue;

[TestFixture]
public sealed class QueueOptionsTests
{
    [Test]
    public void DefaultsAreValid()
    {
        var result = new QueueOptionsValidator().Validate(null, new QueueOptions());
        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void EachBadValueIsReportedUnderItsKey()
    {
        var options = new QueueOptions
        {
            Concurrency = 0,
            VisibilityTimeout = TimeSpan.FromSeconds(2),
            WaitTimeSeconds = 21,
            MaxMessages = 11,
            ChannelCapacity = 0,
        };

        var failures = new QueueOptionsValidator().Validate(null, options).Failures;

        Assert.That(failures, Is.EquivalentTo(new[]
        {
            "Queue:Concurrency: must be between 1 and 32.",
            "Queue:VisibilityTimeout: must be between 10 s and 12 h, not 2 s",
            "Queue:WaitTimeSeconds: must be between 0 and 20.",
            "Queue:MaxMessages: must be between 1 and 10.",
            "Queue:ChannelCapacity: must be between 1 and 1000.",
        }));
    }

    [Test]
    public void VisibilityTimeoutMustBeWholeSeconds()
    {
        var failures = new QueueOptionsValidator().Validate(null, new QueueOptions { VisibilityTimeout = TimeSpan.FromSeconds(30.5) }).Failures;
        Assert.That(failures, Is.EqualTo(new[] { "Queue:VisibilityTimeout: must be a whole number of seconds (SQS takes seconds)" }));
    }

    [Test]
    public void AddQueueWorkerBindsTheSectionAndRegistersTheWorker()
    {
        using var provider = Provider(new() { ["Queue:Concurrency"] = "7", ["Queue:VisibilityTimeout"] = "00:02:00" });

        var options = provider.GetRequiredService<IOptions<QueueOptions>>().Value;
        var receiver = provider.GetRequiredService<QueueReceiver>();
        Assert.Multiple(() =>
        {
            Assert.That(options.Concurrency, Is.EqualTo(7));
            Assert.That(options.VisibilityTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.ChannelCapacity, Is.EqualTo(20));
            Assert.That(provider.GetServices<IHostedService>().OfType<QueueWorker>().Count(), Is.EqualTo(1));
            Assert.That(provider.GetRequiredService<QueueReceiver>(), Is.SameAs(receiver), "one receiver: the worker and its readiness share it");
        });
    }

    [Test]
    public void AddQueueWorkerRefusesBadConfigurationNamingTheKey()
    {
        using var provider = Provider(new() { ["Queue:Concurrency"] = "33" });

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<QueueOptions>>().Value);
        Assert.That(error!.Message, Does.Contain("Queue:Concurrency: must be between 1 and 32."));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<ISqs>(new FakeSqs(TimeProvider.System));
        services.AddSingleton<IQueueMessageHandler, ScriptedQueueHandler>();
        services.AddQueueWorker(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
