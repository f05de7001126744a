namespace SocketDeployer.Sandbox.Bench;

/// <summary>Waits for a condition with a deadline. The figures come from the Sandbox's own timestamps, so the polling
/// period only decides how soon the benchmark moves on, never what it measures.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan timeout, TimeProvider time, string what)
        where T : class
    {
        var start = time.GetTimestamp();
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            if (time.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), time);
        }
    }

    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout, TimeSpan period, TimeProvider time)
    {
        var start = time.GetTimestamp();
        while (!condition())
        {
            if (time.GetElapsedTime(start) > timeout)
            {
                return false;
            }

            await Task.Delay(period, time);
        }

        return true;
    }

    /// <summary>Until <paramref name="count"/> has not changed for <paramref name="quiet"/> (bounded by <paramref name="timeout"/>).</summary>
    public static async Task QuietAsync(Func<int> count, TimeSpan quiet, TimeSpan timeout, TimeProvider time)
    {
        var start = time.GetTimestamp();
        var last = count();
        var since = time.GetTimestamp();
        while (time.GetElapsedTime(since) < quiet && time.GetElapsedTime(start) < timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time);
            var now = count();
            if (now != last)
            {
                last = now;
                since = time.GetTimestamp();
            }
        }
    }
}
