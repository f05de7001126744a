using System.Diagnostics.CodeAnalysis;
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
    /// <param name="bind">
    /// Fills the options from their section: always <c>static (section, options) => section.Bind(options)</c>, written
    /// at the call site where <typeparamref name="T"/> is concrete, so the configuration-binding source generator
    /// replaces the call with generated code (a generic <c>Bind&lt;T&gt;</c> here would fall back to reflection).
    /// </param>
    public static OptionsBuilder<T> AddSection<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        this IServiceCollection services, IConfiguration configuration, string path, Action<IConfiguration, T> bind)
        where T : class
    {
        var section = configuration.GetSection(path);
        services.AddSingleton(new OptionsSection(path, typeof(T), sp => sp.GetRequiredService<IOptions<T>>().Value));
        services.AddSingleton<IValidateOptions<T>>(sp => new UnknownKeysValidator<T>(configuration, path, sp.GetServices<OptionsSection>()));
        services.AddSingleton<IOptionsChangeTokenSource<T>>(new ConfigurationChangeTokenSource<T>(section));
        return services.AddOptions<T>().Configure(options => bind(section, options)).ValidateOnStart();
    }
}
