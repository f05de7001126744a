using Microsoft.Extensions.DependencyInjection;
using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.Plan;
using SocketDeployer.Core.Flow.Rollback;

namespace SocketDeployer.Core.Flow.History;

/// <summary>Registers history, rollback, plan and what they read (the release history, the changes of a release).</summary>
public static class ReleaseCommandsRegistration
{
    public static IServiceCollection AddReleaseCommands(this IServiceCollection services)
    {
        services.AddSingleton<ReleaseHistory>();
        services.AddSingleton<ChangeReader>();
        services.AddSingleton<HistoryRequest>();
        services.AddSingleton<RollbackRequest>();
        services.AddSingleton<PlanRequest>();
        services.AddSingleton<ReleaseCommands>();
        return services;
    }
}
