namespace SocketDeployer.Core.Audit;

/// <summary>Append-only record of every request, start, approval, rejection, cancel and end.</summary>
public interface IAuditLog
{
    /// <summary>Appends one JSON line and flushes it before returning.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);
}
