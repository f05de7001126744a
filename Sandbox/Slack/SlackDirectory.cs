namespace SocketDeployer.Sandbox.Slack;

/// <param name="Email">The profile's email address (users.lookupByEmail); people get <c>name@example.com</c>, bots none.</param>
internal sealed record SandboxUser(string Id, string Name, bool IsBot, string? Email = null);

internal sealed record SandboxUserGroup(string Id, string Handle, IReadOnlyList<string> Members, DateTimeOffset Created);

internal sealed record SandboxChannel(string Id, string Name, bool BotIsMember);

/// <summary>Users, user groups and channels of the workspace.</summary>
internal sealed class SlackDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxUserGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxChannel> _channels = new(StringComparer.Ordinal);

    public void AddUser(SandboxUser user)
    {
        lock (_gate)
        {
            _users[user.Id] = user;
        }
    }

    public void AddGroup(SandboxUserGroup group)
    {
        lock (_gate)
        {
            _groups[group.Id] = group;
        }
    }

    public void SetGroupMembers(string id, IReadOnlyList<string> members)
    {
        lock (_gate)
        {
            if (!_groups.TryGetValue(id, out var group))
            {
                throw new ArgumentException($"No user group {id} in the sandbox workspace.", nameof(id));
            }

            _groups[id] = group with { Members = members };
        }
    }

    public void AddChannel(SandboxChannel channel)
    {
        lock (_gate)
        {
            _channels[channel.Id] = channel;
        }
    }

    public SandboxUser? User(string? id)
    {
        lock (_gate)
        {
            return id is not null && _users.TryGetValue(id, out var user) ? user : null;
        }
    }

    /// <summary>The member whose email is <paramref name="email"/>, compared without case as Slack does.</summary>
    public SandboxUser? UserByEmail(string? email)
    {
        lock (_gate)
        {
            return email is null ? null : _users.Values.FirstOrDefault(u => string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
        }
    }

    public SandboxUserGroup? Group(string? id)
    {
        lock (_gate)
        {
            return id is not null && _groups.TryGetValue(id, out var group) ? group : null;
        }
    }

    public SandboxChannel? Channel(string? id)
    {
        lock (_gate)
        {
            return id is not null && _channels.TryGetValue(id, out var channel) ? channel : null;
        }
    }

    public IReadOnlyList<SandboxUser> Users()
    {
        lock (_gate)
        {
            return [.. _users.Values.OrderBy(u => u.Id, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<SandboxUserGroup> Groups()
    {
        lock (_gate)
        {
            return [.. _groups.Values.OrderBy(g => g.Id, StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<SandboxChannel> Channels()
    {
        lock (_gate)
        {
            return [.. _channels.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The name a person sees for a user id: the user's name, or the id itself.</summary>
    public string NameOf(string userId) => User(userId)?.Name ?? userId;
}
