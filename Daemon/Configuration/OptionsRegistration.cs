using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocketDeployer.Daemon.Configuration;

/// <summary>The one way an options class joins the daemon: bound, checked for unknown keys, validated at start.</summary>
internal static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="path"/>, refuses keys it does not define, registers it for
    /// <see cref="ConfigurationCheck"/> and validates it on start. Rules of its own go in an IValidateOptions.
    /// </summary>
    public static OptionsBuilder<T> AddSection<T>(this IServiceCollection services, IConfiguration configuration, string path)
        where T : class
    {
        services.AddSingleton(new OptionsSection(path, typeof(T), sp => sp.GetRequiredService<IOptions<T>>().Value));
        services.AddSingleton<IValidateOptions<T>>(sp => new UnknownKeysValidator<T>(configuration, path, sp.GetServices<OptionsSection>()));
        return services.AddOptions<T>().Bind(configuration.GetSection(path)).ValidateOnStart();
    }
}
