using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>The <c>--online</c> checks: each prints one line, ✓ or ✗ with what to do about it.</summary>
internal sealed class OnlineChecks(ISlackApi slack, ISqs sqs, ISsm ssm, AwsOptions aws, ServiceCatalog catalog)
{
    public async Task<bool> RunAsync(TextWriter output, CancellationToken ct)
    {
        var ok = await CheckAsync(output, "Slack bot token (auth.test)", async () =>
        {
            var me = await slack.AuthTestAsync(ct);
            return $"bot @{me.User} in {me.Team}";
        });
        ok &= await CheckAsync(output, "Slack app token (apps.connections.open)", async () =>
        {
            await slack.OpenConnectionAsync(ct);
            return "Socket Mode is enabled";
        });
        var queueName = aws.QueueUrl?.Segments.LastOrDefault()?.Trim('/') ?? "";
        ok &= await CheckAsync(output, $"SQS queue {queueName} (GetQueueUrl)", async () => await sqs.GetQueueUrlAsync(queueName, ct));
        foreach (var service in catalog.Services)
        {
            ok &= await CheckAsync(output, $"SSM document {service.Document} v{service.DocumentVersion} ({service.Name})", async () =>
                await ssm.DescribeDocumentAsync(service.Document, service.DocumentVersion, ct));
        }

        await output.WriteLineAsync(ok ? "All online checks passed." : "Some online checks failed.");
        return ok;
    }

    private static async Task<bool> CheckAsync(TextWriter output, string what, Func<Task<string>> check)
    {
        try
        {
            await output.WriteLineAsync($"✓ {what}: {await check()}");
            return true;
        }
        catch (SlackApiException e)
        {
            await output.WriteLineAsync($"✗ {what}: {TroubleshootingHints.ForSlack(e)}");
        }
        catch (AwsException e)
        {
            await output.WriteLineAsync($"✗ {what}: {TroubleshootingHints.ForAws(e)}");
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"✗ {what}: cannot reach the endpoint ({e.Message})");
        }

        return false;
    }
}
