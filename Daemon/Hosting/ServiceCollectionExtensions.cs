using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Approval;
using SocketDeployer.Core.Flow.Cancel;
using SocketDeployer.Core.Flow.History;
using SocketDeployer.Core.Flow.Outside;
using SocketDeployer.Core.Flow.Progress;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Flow.Status;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Policy.Locks;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Configuration;
using SocketDeployer.Daemon.Queue;
using SocketDeployer.Daemon.Systemd;
using SocketDeployer.Daemon.Workers;

namespace SocketDeployer.Daemon.Hosting;

/// <summary>The composition root, one feature per method.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSocketDeployerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        // Every section through AddSection: unknown keys refused, validated on start and by check-config alike.
        services.AddSection<SlackOptions>(configuration, SlackOptions.Section, static (section, options) => section.Bind(options));
        services.AddSection<AwsOptions>(configuration, AwsOptions.Section, static (section, options) => section.Bind(options));
        services.AddSection<DeployOptions>(configuration, DeployOptions.Section, static (section, options) => section.Bind(options));
        // Tunables with safe defaults; documented for operators who must adapt to a slow network.
        services.AddSection<SocketModeOptions>(configuration, SocketModeOptions.Section, static (section, options) => section.Bind(options));
        services.AddSection<SlackApiResilienceOptions>(configuration, SlackApiResilienceOptions.Section, static (section, options) => section.Bind(options));
        services.AddSection<SlackPacingOptions>(configuration, SlackPacingOptions.Section, static (section, options) => section.Bind(options));
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddSingleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>();
        services.AddSingleton<IValidateOptions<DeployOptions>, DeployOptionsValidator>();
        services.AddSingleton<IValidateOptions<SocketModeOptions>, SocketModeOptionsValidator>();
        services.AddSingleton<IValidateOptions<SlackApiResilienceOptions>, SlackApiResilienceOptionsValidator>();
        services.AddSingleton<IValidateOptions<SlackPacingOptions>, SlackPacingOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DaemonExit>();
        return services;
    }

    public static IServiceCollection AddSlackClients(this IServiceCollection services)
    {
        // One client for the process: SlackApi caches group membership and names, and pooled
        // connections are recycled so DNS changes are seen. Polly owns per-attempt timeouts.
        services.AddSingleton<SlackPacing>();
        services.AddSingleton<ISlackApi>(sp => ActivatorUtilities.CreateInstance<SlackApi>(
            sp,
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl,
                Timeout = Timeout.InfiniteTimeSpan,
            }));
        return services;
    }

    public static IServiceCollection AddAwsServices(this IServiceCollection services)
    {
        services.AddAwsClients();
        services.AddDynamoDbLockStore();
        services.AddSingleton(sp => new ExecutionLinks(AwsRegion.Resolve(sp.GetRequiredService<IOptions<AwsOptions>>().Value.Region)));
        return services;
    }

    public static IServiceCollection AddDeployFlow(this IServiceCollection services)
    {
        services.AddSingleton<ServiceCatalog>();
        services.AddSingleton<IAuditLog, JsonLinesAuditLog>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<DeployPolicy>();
        services.AddSingleton<DeployLock>();
        services.AddSingleton<FreezeCalendar>();
        services.AddSingleton<ServiceHolds>();
        services.AddSingleton<LockReleaser>();
        services.AddSingleton<ManualLockRequest>();
        services.AddSingleton<DeployStarter>();
        services.AddSingleton<DeployRequest>();
        // Other features read releases too: one shared cache, whoever registers it first.
        services.AddSingleton<StatusRequest>();
        services.AddSingleton<CancelRequest>();
        services.AddSingleton<MentionHandler>();
        services.AddReleaseCommands();
        services.AddSingleton<ReleaseDirectory>();
        services.AddSingleton<ReleaseStateStore>();
        services.AddSingleton<KeyedLock>();
        services.AddSingleton<ApprovalPrompter>();
        services.AddSingleton<ApprovalClickHandler>();
        services.AddSingleton<StatusMessageEditor>();
        // Before the workers, so it stops after them (the host stops services in reverse order).
        services.AddHostedService<StatusEditDrain>();
        services.AddSingleton<ReleaseProgress>();
        services.AddSingleton<OutsideExecutions>();
        services.AddSingleton<OutsideAnnouncer>();
        return services;
    }

    public static IServiceCollection AddAutomationQueue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IQueueMessageHandler, AutomationQueueHandler>();
        services.AddQueueWorker(configuration);
        return services;
    }

    public static IServiceCollection AddSystemd(this IServiceCollection services)
    {
        services.AddSingleton<DaemonHealth>();
        services.AddSingleton<IReadinessProbe>(sp => sp.GetRequiredService<DaemonHealth>());
        services.AddSingleton<ILivenessProbe>(sp => sp.GetRequiredService<DaemonHealth>());
        services.AddSingleton<IStatusSource>(sp => sp.GetRequiredService<DaemonHealth>());
        services.AddSystemdIntegration();
        services.AddSingleton<IManagedHeap, ManagedHeap>();
        services.AddHostedService<HeapRelease>();
        return services;
    }

    public static IServiceCollection AddSocketModeWorker(this IServiceCollection services)
    {
        services.AddSingleton<ISocketModeHandler, EnvelopeRouter>();
        services.AddSingleton<SocketModeClient>();
        services.AddHostedService<SocketModeWorker>();
        return services;
    }
}
