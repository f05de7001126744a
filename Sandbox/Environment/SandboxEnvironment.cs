using Microsoft.Extensions.DependencyInjection;
using Amazon.Runtime;
using SocketDeployer.Sandbox.Aws;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Environment;

/// <summary>A local Slack workspace and AWS endpoint over loopback, seeded to match the shipped catalog,
/// plus the command line that points the real daemon at them.</summary>
public sealed class SandboxEnvironment : IAsyncDisposable
{
    public const string QueueName = "socketdeployer-events";

    /// <summary>The lock table, named as the daemon's default <c>Aws:LockTable</c>.</summary>
    public const string LockTable = "socketdeployer-locks";

    /// <summary>The service locks in the lock table: its items but the daemon's claims (announcement and prompt
    /// claims are keyed with a '/', which no service name has), which stay until the table's TTL drops them.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ServiceLocks =>
        [.. Aws.Items(LockTable).Where(item => !item["LockKey"].Contains('/', StringComparison.Ordinal))];

    private SandboxEnvironment(SlackWorkspace slack, AwsSandbox aws, string workDirectory, string queueUrl)
    {
        Slack = slack;
        Aws = aws;
        WorkDirectory = workDirectory;
        QueueUrl = queueUrl;
    }

    public SlackWorkspace Slack { get; }

    public AwsSandbox Aws { get; }

    /// <summary>A fresh temporary folder for the audit log and any configuration files.</summary>
    public string WorkDirectory { get; }

    public string AuditLogPath => Path.Combine(WorkDirectory, "audit.jsonl");

    public string QueueUrl { get; }

    /// <summary>The shipped example catalog, copied beside the executables.</summary>
    public static string ShippedConfig => Path.Combine(AppContext.BaseDirectory, "appsettings.json");

    /// <param name="documents">Registers the Automation documents; the catalog's standard ones by default.</param>
    public static async Task<SandboxEnvironment> StartAsync(
        SlackWorkspaceOptions? slackOptions = null, AwsSandboxOptions? awsOptions = null, Action<AwsSandbox>? documents = null)
    {
        var slack = await SlackWorkspace.StartAsync(slackOptions);
        var aws = await AwsSandbox.StartAsync(awsOptions);
        SandboxPeople.Seed(slack);
        (documents ?? SandboxDocuments.Register)(aws);
        var dlq = aws.CreateQueue(QueueName + "-dlq");
        var queue = aws.CreateQueue(QueueName, visibilityTimeoutSeconds: 30, deadLetterQueueUrl: dlq, maxReceiveCount: 5);
        aws.CreateTable(LockTable, "LockKey");
        var work = Directory.CreateTempSubdirectory("socketdeployer-sandbox-").FullName;
        return new SandboxEnvironment(slack, aws, work, queue);
    }

    /// <summary>Process environment the daemon's AWS SDK credential chain reads.</summary>
    public IReadOnlyDictionary<string, string> AwsEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = Aws.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = Aws.SecretAccessKey,
        // No instance metadata on a developer machine: fail fast instead of probing 169.254.169.254.
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>
    /// The same credentials for a daemon in this process, as a service instead of process environment variables:
    /// those are shared by every test running in parallel, these belong to one daemon.
    /// </summary>
    public void AddAwsCredentials(IServiceCollection services) =>
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(Aws.AccessKeyId, Aws.SecretAccessKey));

    /// <summary>Arguments for <c>socketdeployer run</c>: the shipped catalog with only endpoints, tokens and paths overridden.</summary>
    public IReadOnlyList<string> DaemonArguments(string? configPath = null) =>
    [
        "run",
        "--config", configPath ?? ShippedConfig,
        $"--Slack:AppToken={Slack.AppToken}",
        $"--Slack:BotToken={Slack.BotToken}",
        $"--Slack:ApiBaseUrl={Slack.ApiBaseUrl}",
        $"--Aws:Region={Aws.Region}",
        $"--Aws:QueueUrl={QueueUrl}",
        $"--Aws:SqsServiceUrl={Aws.ServiceUrl}",
        $"--Aws:SsmServiceUrl={Aws.ServiceUrl}",
        $"--Aws:DynamoDbServiceUrl={Aws.ServiceUrl}",
        $"--Deploy:AuditLog={AuditLogPath}",
        // The daemon paces its posts to Slack's published limits; a workspace that enforces none needs no pacing.
        $"--Slack:Pacing:Enabled={Slack.EnforcesRateLimits}",
    ];

    public async ValueTask DisposeAsync()
    {
        await Slack.DisposeAsync();
        await Aws.DisposeAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held open by a stopping daemon; the OS cleans temp.
        }
    }
}
