using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SocketDeployer.Core.Flow;

/// <summary>StartAutomationExecution's ClientToken: a version-5 UUID of <c>team_id/event_id</c>,
/// so a redelivered Slack event, on any instance, cannot start a second release.</summary>
public static class ClientToken
{
    /// <summary>The project's fixed namespace; changing it would let old events start again.</summary>
    public static readonly Guid Namespace = new("9c1f7d2e-5b4a-4e0c-8f3d-2a6b1c9e7f40");

    public static string For(string teamId, string eventId) => NameBased(Namespace, $"{teamId}/{eventId}").ToString();

    /// <summary>RFC 9562 §5.5: SHA-1 over namespace bytes (network order) and the name.</summary>
    public static Guid NameBased(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version-5 UUIDs; not used for security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
