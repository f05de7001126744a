namespace SocketDeployer.Core.Aws.Events;

/// <summary>SSM automation execution ids are 36-character UUIDs; anything else is not an id we can act on.</summary>
internal static class ExecutionIds
{
    public static bool IsValid(string? id) => id is { Length: 36 } && Guid.TryParseExact(id, "D", out _);
}
