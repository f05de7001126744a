using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

[Parallelizable(ParallelScope.All)]
public class SystemdIntegrationTests
{
    [Test]
    public async Task AHostWithTheIntegrationAnnouncesReadinessOnlyWhenTheProbeSaysSoAndThenStopping()
    {
        var notifier = new RecordingNotifier();
        var probes = new FakeProbes();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ISystemdNotifier>(notifier);
        builder.Services.AddSingleton(new SystemdEnvironment(null, null, Environment.ProcessId));
        builder.Services.AddSingleton<IReadinessProbe>(probes);
        builder.Services.AddSingleton<ILivenessProbe>(probes);
        builder.Services.AddSingleton<IStatusSource>(probes);
        builder.Services.AddSystemdIntegration();
        using var host = builder.Build();

        await host.StartAsync();
        Assert.That(notifier.TryReceive(out var early), Is.False, $"nothing when the host has started, before the probe: {early}");
        probes.BecomeReady();
        Assert.That(await notifier.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await notifier.ReceiveAsync(), Is.EqualTo("STATUS=" + probes.Summary));

        await host.StopAsync();
        Assert.That(await notifier.ReceiveAsync(), Is.EqualTo("STOPPING=1"));
    }

    [Test]
    public void TheNotifierIsThePackagesAndReadsTheProcessEnvironment()
    {
        var services = new ServiceCollection().AddLogging().AddSystemdIntegration();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<SystemdEnvironment>(), Is.EqualTo(SystemdEnvironment.FromProcess()));
        var notifier = provider.GetRequiredService<ISystemdNotifier>();
        Assert.That(notifier, Is.InstanceOf<SystemdNotifier>());
        Assert.That(notifier.IsEnabled, Is.EqualTo(!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"))));
    }

    [Test]
    public void TheHostKeepsItsConsoleLifetimeSoTheStartedHostDoesNotSendReady()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSystemdIntegration();
        using var host = builder.Build();

        Assert.That(host.Services.GetRequiredService<IHostLifetime>(), Is.Not.InstanceOf<SystemdLifetime>());
    }
}
