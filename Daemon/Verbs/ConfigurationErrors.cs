namespace SocketDeployer.Daemon.Verbs;

/// <summary>How both verbs print a configuration that cannot be used: one heading, one line per failure.</summary>
internal static class ConfigurationErrors
{
    public static void Print(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("socketdeployer: the configuration is not valid:");
        foreach (var failure in failures.Distinct(StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"  {failure}");
        }
    }
}
