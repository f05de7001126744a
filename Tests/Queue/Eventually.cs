namespace SocketDeployer.Tests.Queue;

/// <summary>Waits for a condition other threads make true, failing the test with a description after a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task That(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}");
            }

            // A poll interval, not synchronisation: the condition decides.
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
