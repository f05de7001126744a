namespace SocketDeployer.Daemon.Verbs;

internal static class ConfigurationErrors
{
    public static void Print(IEnumerable<string> failures)
    {
        Console.Error.WriteLine("socketdeployer: the configuration is not valid:");
        foreach (var failure in failures.SelectMany(f => f.Split("; ", StringSplitOptions.RemoveEmptyEntries)).Distinct())
        {
            Console.Error.WriteLine($"  {failure}");
        }
    }
}
