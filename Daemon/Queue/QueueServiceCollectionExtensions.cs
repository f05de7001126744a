using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocketDeployer.Daemon.Configuration;

namespace SocketDeployer.Daemon.Queue;

/// <summary>Registration of the SQS queue worker.</summary>
public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start) the <c>Queue</c> section and runs the queue worker as a hosted service.
    /// Expects <see cref="Core.Aws.ISqs"/> and an <see cref="IQueueMessageHandler"/> to be registered elsewhere.
    /// </summary>
    public static IServiceCollection AddQueueWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSection<QueueOptions>(configuration, QueueOptions.Section, static (section, options) => section.Bind(options));
        services.AddSingleton<IValidateOptions<QueueOptions>, QueueOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InFlightMessages>();
        services.AddSingleton<QueueReceiver>();
        services.AddSingleton<QueueProcessor>();
        services.AddHostedService<QueueWorker>();
        return services;
    }
}
