using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocketDeployer.Daemon.Systemd;

namespace SocketDeployer.Tests.Ops;

public class SystemdIntegrationTests
{
    [Test]
    public async Task AHostWithTheIntegrationAnnouncesReadinessAndStopping()
    {
        using var listener = NotifySocketListener.Abstract();
        var probes = new FakeProbes();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new SystemdEnvironment(listener.NotifySocket, null, null, Environment.ProcessId));
        builder.Services.AddSingleton<IReadinessProbe>(probes);
        builder.Services.AddSingleton<ILivenessProbe>(probes);
        builder.Services.AddSingleton<IStatusSource>(probes);
        builder.Services.AddSystemdIntegration();
        using var host = builder.Build();

        await host.StartAsync();
        probes.BecomeReady();
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("READY=1"));
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("STATUS=" + probes.Summary));

        await host.StopAsync();
        Assert.That(await listener.ReceiveAsync(), Is.EqualTo("STOPPING=1"));
    }

    [Test]
    public void TheNotifierComesFromTheProcessEnvironmentByDefault()
    {
        var services = new ServiceCollection().AddLogging().AddSystemdIntegration();
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<SystemdEnvironment>(), Is.EqualTo(SystemdEnvironment.FromProcess()));
        Assert.That(provider.GetRequiredService<SystemdNotifier>().IsEnabled, Is.EqualTo(!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"))));
    }
}
