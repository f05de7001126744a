using SocketDeployer.Sandbox.Environment;

namespace SocketDeployer.Tests.EndToEnd;

/// <summary>
/// Awaits a condition on what the daemon did, re-checked each time something it does can show: a Slack message
/// posted or edited, a Slack API call, an AWS call answered or a message queued (the Sandbox's signals), and a write
/// to the audit log (inotify, through <see cref="FileSystemWatcher"/>). Nothing polls.
/// </summary>
internal static class SandboxChanges
{
    /// <summary>Waits until <paramref name="condition"/> holds; fails the test if it does not within <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(SandboxEnvironment env, Func<Task<bool>> condition, TimeSpan timeout) =>
        Assert.That(await TryWaitUntilAsync(env, condition, timeout), Is.True, $"condition not met within {timeout}");

    /// <summary>Waits until <paramref name="condition"/> holds; false if it does not within <paramref name="timeout"/>.</summary>
    public static async Task<bool> TryWaitUntilAsync(SandboxEnvironment env, Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var audit = new AuditWrites(env.AuditLogPath);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            // Taken before the check, so a change between the check and the wait is not missed.
            var next = Task.WhenAny(env.Slack.MessagesChanged.Next, env.Slack.CallsChanged.Next, env.Aws.Changed.Next, audit.Next);
            if (await condition())
            {
                return true;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return await condition();
            }
        }
    }

    /// <summary>Completes <see cref="Next"/> on each write to (or creation of) the audit log.</summary>
    private sealed class AuditWrites : IDisposable
    {
        private readonly FileSystemWatcher _watcher;
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public AuditWrites(string path)
        {
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
            };
            _watcher.Changed += (_, _) => Pulse();
            _watcher.Created += (_, _) => Pulse();
            _watcher.EnableRaisingEvents = true;
        }

        public Task Next => Volatile.Read(ref _next).Task;

        private void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

        public void Dispose() => _watcher.Dispose();
    }
}
