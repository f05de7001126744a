using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Json;

namespace SocketDeployer.Core.Audit;

/// <summary>The audit log as JSON lines in <c>Deploy:AuditLog</c>, flushed to the OS after each entry.</summary>
public sealed class JsonLinesAuditLog : IAuditLog, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeProvider time;
    private readonly string path;
    private FileStream? stream;

    public JsonLinesAuditLog(IOptions<DeployOptions> options, TimeProvider time)
    {
        path = options.Value.AuditLog;
        this.time = time;
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(new Line(time.GetUtcNow(), entry), CoreJsonContext.Default.Line);
        await gate.WaitAsync(cancellationToken);
        try
        {
            stream ??= Open();
            await stream.WriteAsync(line, cancellationToken);
            stream.WriteByte((byte)'\n');
            // Flush to the OS (not fsync per line): a crash of the daemon loses nothing already replied to.
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        stream?.Dispose();
        gate.Dispose();
    }

    private FileStream Open()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>One line as written: the time, then the entry's fields (camelCase, nulls left out).</summary>
    internal sealed record Line(DateTimeOffset Time, [property: JsonIgnore] AuditEntry Entry)
    {
        public string Event => Entry.Event;
        public string Outcome => Entry.Outcome;
        public string? User => Entry.User;
        public string? Channel => Entry.Channel;
        public string? Command => Entry.Command;
        public string? Service => Entry.Service;
        public string? Version => Entry.Version;
        public string? ExecutionId => Entry.ExecutionId;
        public string? Reason => Entry.Reason;
        public string? Step => Entry.Step;
    }
}
