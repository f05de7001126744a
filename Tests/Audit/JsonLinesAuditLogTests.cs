using System.Text.Json;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Audit;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Tests.Audit;

public class JsonLinesAuditLogTests
{
    [Test]
    public async Task AppendsOneFlushedJsonLinePerEntry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}", "audit.jsonl");
        using (var log = new JsonLinesAuditLog(Options.Create(new DeployOptions { AuditLog = path }), TimeProvider.System))
        {
            await log.AppendAsync(new AuditEntry("request", "started", "U1", "C1", "deploy app r-1.0.0", "app", "r-1.0.0", "exec-1"), CancellationToken.None);
            // Readable by another process before the log is closed: flushed, shared for reading.
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var line = await reader.ReadLineAsync();
            using var json = JsonDocument.Parse(line!);
            Assert.Multiple(() =>
            {
                Assert.That(json.RootElement.GetProperty("event").GetString(), Is.EqualTo("request"));
                Assert.That(json.RootElement.GetProperty("executionId").GetString(), Is.EqualTo("exec-1"));
                Assert.That(json.RootElement.TryGetProperty("reason", out _), Is.False);
                Assert.That(json.RootElement.GetProperty("time").GetDateTimeOffset(), Is.Not.EqualTo(default(DateTimeOffset)));
            });
            await log.AppendAsync(new AuditEntry("request", "refused", Reason: "locked"), CancellationToken.None);
        }

        Assert.That(await File.ReadAllLinesAsync(path), Has.Length.EqualTo(2));
    }

    [Test]
    public async Task ADecisionCarriesItsWordsAsTheReasonAndItsStepApart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}", "audit.jsonl");
        using (var log = new JsonLinesAuditLog(Options.Create(new DeployOptions { AuditLog = path }), TimeProvider.System))
        {
            await log.AppendAsync(
                new AuditEntry("reject", "rejected", "U0ERIN", "C1", null, "app", "r-1.0.0", "exec-1", "Rejected in Slack by erin (U0ERIN)", "approve"), CancellationToken.None);
        }

        using var json = JsonDocument.Parse((await File.ReadAllLinesAsync(path)).Single());
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("reason").GetString(), Is.EqualTo("Rejected in Slack by erin (U0ERIN)"));
            Assert.That(json.RootElement.GetProperty("step").GetString(), Is.EqualTo("approve"));
        });
    }
}
