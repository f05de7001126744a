using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Daemon.Verbs;

internal static class ConfigurationErrors
{
    /// <summary>Every options failure at once (not just the first section's), each naming its key.</summary>
    public static List<string> Collect(IServiceProvider services)
    {
        var failures = new List<string>();
        Collect(() => services.GetRequiredService<IOptions<SlackOptions>>().Value, failures);
        Collect(() => services.GetRequiredService<IOptions<AwsOptions>>().Value, failures);
        Collect(() => services.GetRequiredService<IOptions<DeployOptions>>().Value, failures);
        return failures;
    }

    private static void Collect(Func<object> read, List<string> failures)
    {
        try
        {
            read();
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        catch (InvalidOperationException e)
        {
            // The binder's own complaints (e.g. "Failed to convert configuration value at 'Slack:Connections'") name the key.
            failures.Add(e.Message);
        }
    }

    public static void Print(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("socketdeployer: the configuration is not valid:");
        foreach (var failure in failures.Distinct())
        {
            Console.Error.WriteLine($"  {failure}");
        }
    }
}
