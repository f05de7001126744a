using Amazon.DynamoDBv2;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>The <c>--online</c> checks: each prints one line, ✓ or ✗ with what to do about it, and gives up after <see cref="CheckTimeout"/>.</summary>
internal sealed class OnlineChecks(
    ISlackApi slack, ISqs sqs, ISsm ssm, IAmazonDynamoDB dynamoDb, AwsOptions aws, ServiceCatalog catalog, Func<CancellationToken, Task<string>>? credentials = null)
{
    /// <summary>How long one check may take: an unreachable endpoint or an empty credential chain answers within it or not at all.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    private readonly Func<CancellationToken, Task<string>> _credentials = credentials ?? (ct => AwsCredentialCheck.ResolveDefaultAsync(CheckTimeout, ct));

    public async Task<bool> RunAsync(TextWriter output, CancellationToken ct)
    {
        var ok = await CheckAsync(output, "Slack bot token (auth.test)", async token =>
        {
            var me = await slack.AuthTestAsync(token);
            return $"bot @{me.User} in {me.Team}";
        }, ct);
        ok &= await CheckAsync(output, "Slack app token (apps.connections.open)", async token =>
        {
            await slack.OpenConnectionAsync(token);
            return "Socket Mode is enabled";
        }, ct);

        // Without credentials every AWS check would fail the same way: say it once.
        if (!await CheckAsync(output, "AWS credentials (SDK default chain)", token => _credentials(token), ct))
        {
            await output.WriteLineAsync("Some online checks failed.");
            return false;
        }

        var queueName = aws.QueueUrl?.Segments.LastOrDefault()?.Trim('/') ?? "";
        ok &= await CheckAsync(output, $"SQS queue {queueName} (GetQueueUrl)", token => sqs.GetQueueUrlAsync(queueName, token), ct);
        ok &= await CheckAsync(output, $"DynamoDB lock table {aws.LockTable} (DescribeTable)", async token =>
        {
            var (fine, line) = await LockTableCheck.RunAsync(dynamoDb, aws.LockTable, token);
            return fine ? line : throw new CheckFailedException(line);
        }, ct);
        foreach (var service in catalog.Services)
        {
            ok &= await CheckAsync(output, $"SSM document {service.Document} v{service.DocumentVersion} ({service.Name})",
                token => ssm.DescribeDocumentAsync(service.Document, service.DocumentVersion, token), ct);
        }

        await output.WriteLineAsync(ok ? "All online checks passed." : "Some online checks failed.");
        return ok;
    }

    private static async Task<bool> CheckAsync(TextWriter output, string what, Func<CancellationToken, Task<string>> check, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(CheckTimeout);
        try
        {
            var answer = await check(deadline.Token).WaitAsync(CheckTimeout, ct);
            await output.WriteLineAsync($"✓ {what}: {answer}");
            return true;
        }
        catch (CheckFailedException e)
        {
            await output.WriteLineAsync($"✗ {what}: {e.Message}");
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
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await output.WriteLineAsync($"✗ {what}: no answer within {CheckTimeout.TotalSeconds:0} s; check the network path to the endpoint");
        }

        return false;
    }
}

/// <summary>A check that reached its service and found something wrong, already phrased for the operator.</summary>
internal sealed class CheckFailedException(string message) : Exception(message);
