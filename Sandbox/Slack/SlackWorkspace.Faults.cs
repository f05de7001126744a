using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Slack;

public sealed partial class SlackWorkspace
{
    /// <summary>
    /// Sends Slack's <c>disconnect</c> message. After <c>warning</c> or <c>refresh_requested</c> the socket stays
    /// open for <see cref="SlackWorkspaceOptions.DisconnectGrace"/> (or until the client closes it), as Slack does;
    /// other reasons close it at once. Without an index, the oldest open connection.
    /// </summary>
    public async Task SendDisconnectAsync(string reason, int? connectionIndex = null)
    {
        var connection = OpenConnection(connectionIndex);
        var message = new JsonObject { ["type"] = "disconnect", ["reason"] = reason };
        if (reason == "too_many_websockets")
        {
            message["num_connections"] = _connections.OpenCount;
        }

        message["debug_info"] = new JsonObject { ["host"] = "applink-sandbox-1" };
        if (reason == "too_many_websockets")
        {
            message["connection_info"] = new JsonObject { ["app_id"] = _workspace.Options.AppId };
        }

        await connection.SendAsync(message, _stopping.Token);
        if (reason is "warning" or "refresh_requested")
        {
            connection.Draining = true;
            _ = CloseAfterGraceAsync(connection);
        }
        else
        {
            await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, reason, _stopping.Token);
        }
    }

    /// <summary>Drops a connection without a close frame, like a network failure.</summary>
    public Task AbortConnectionAsync(int index)
    {
        OpenConnection(index).Abort();
        return _connections.Changed.WaitUntilAsync(() => _connections.Get(index) is { IsOpen: false }, TimeSpan.FromSeconds(10), TimeProvider.System);
    }

    /// <summary>Makes a connection half-open: nothing is delivered on it and its pings go unanswered.</summary>
    public void SilenceConnection(int index) => OpenConnection(index).Gate.Silence();

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="httpStatus"/>
    /// (429 carries Retry-After, default 1 s, and Slack's <c>ratelimited</c> body; 5xx an HTML body).
    /// </summary>
    public void FailNext(string method, int httpStatus, TimeSpan? retryAfter = null, int times = 1) =>
        _workspace.Faults.FailNext(method, new PlannedFault(httpStatus, retryAfter), times);

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> wait <paramref name="delay"/> before they
    /// are handled, as behind a congested load balancer: a caller that gives up first leaves nothing done.
    /// </summary>
    public void SlowNext(string method, TimeSpan delay, int times = 1) => _workspace.Faults.DelayNext(method, delay, times);

    /// <summary>Every call now held back by <see cref="SlowNext"/> goes on at once, whatever is left of its delay.</summary>
    public void ReleaseHeld() => _workspace.Faults.ReleaseHeld();

    /// <summary>Waits until <paramref name="count"/> calls of <paramref name="method"/> have been held back by <see cref="SlowNext"/>.</summary>
    public Task<bool> WaitUntilHeldBackAsync(string method, TimeSpan timeout, int count = 1) =>
        _workspace.Faults.DelayTaken.WaitUntilAsync(() => _workspace.Faults.DelaysTaken(method) >= count, timeout, TimeProvider.System);

    /// <summary>
    /// The next <paramref name="times"/> envelopes of <paramref name="envelopeType"/> are also redelivered at once
    /// (new envelope_id, retry_attempt 1) to another open connection, as Slack does when it lost an ack.
    /// </summary>
    public void DuplicateNext(string envelopeType, int times = 1) => _workspace.Faults.DuplicateNext(envelopeType, times);

    /// <summary>The next <paramref name="times"/> apps.connections.open calls answer <c>{"ok":false,"error":…}</c>.</summary>
    public void FailConnectionsOpen(string error, int times) => _workspace.Faults.FailConnectionsOpen(error, times);

    /// <summary>Removes a scope from both tokens: methods needing it answer <c>missing_scope</c> with <c>needed</c>.</summary>
    public void RevokeScope(string scope) => _workspace.Faults.Revoke(scope);

    /// <summary>Gives back a scope taken with <see cref="RevokeScope"/>.</summary>
    public void GrantScope(string scope) => _workspace.Faults.Grant(scope);

    private SocketConnection OpenConnection(int? index)
    {
        var connection = index is { } i ? _connections.Get(i) : _connections.Open.FirstOrDefault();
        return connection is { IsOpen: true }
            ? connection
            : throw new InvalidOperationException(index is null ? "No Socket Mode connection is open." : $"Socket Mode connection {index} is not open.");
    }

    private async Task CloseAfterGraceAsync(SocketConnection connection)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.Closed, _stopping.Token);
        try
        {
            await Task.Delay(_workspace.Options.DisconnectGrace, _workspace.Time, linked.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "refresh", CancellationToken.None);
    }
}
