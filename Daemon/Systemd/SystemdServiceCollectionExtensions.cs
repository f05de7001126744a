using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>Registers the systemd integration (sd_notify through Microsoft.Extensions.Hosting.Systemd, watchdog, status).</summary>
internal static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// Adds the package's <see cref="SystemdNotifier"/> (which reads <c>NOTIFY_SOCKET</c>, and is a no-op without it)
    /// and <see cref="SystemdLifetimeService"/>. Deliberately not the package's <c>AddSystemd()</c>: its
    /// <see cref="SystemdLifetime"/> sends <c>READY=1</c> when the host has started, before Slack said hello and the
    /// queue answered; the host's console lifetime already turns SIGTERM into a stop, which sends <c>STOPPING=1</c>.
    /// The caller registers <see cref="IReadinessProbe"/>, <see cref="ILivenessProbe"/> and <see cref="IStatusSource"/>.
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => SystemdEnvironment.FromProcess());
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SystemdLifetimeService>();
        return services;
    }
}
