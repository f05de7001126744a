namespace SocketDeployer.Sandbox.Slack;

/// <summary>apps.connections.open tickets: each opens one websocket, once.</summary>
internal sealed class TicketBook
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _unused = new(StringComparer.Ordinal);

    public string Issue()
    {
        var ticket = Guid.NewGuid().ToString("D");
        lock (_gate)
        {
            _unused.Add(ticket);
        }

        return ticket;
    }

    public bool Redeem(string? ticket)
    {
        lock (_gate)
        {
            return ticket is not null && _unused.Remove(ticket);
        }
    }
}
