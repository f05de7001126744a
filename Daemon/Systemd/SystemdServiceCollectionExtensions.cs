using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocketDeployer.Daemon.Systemd;

/// <summary>Registers the systemd integration (sd_notify, watchdog, status).</summary>
internal static class SystemdServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SystemdNotifier"/> (from the process environment) and <see cref="SystemdLifetimeService"/>.
    /// The caller registers <see cref="IReadinessProbe"/>, <see cref="ILivenessProbe"/> and <see cref="IStatusSource"/>.
    /// </summary>
    public static IServiceCollection AddSystemdIntegration(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => SystemdEnvironment.FromProcess());
        services.TryAddSingleton<SystemdNotifier>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SystemdLifetimeService>();
        return services;
    }
}
