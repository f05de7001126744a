using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>
/// A loopback AWS endpoint speaking AWS JSON for SSM (1.1) and SQS (1.0): it verifies SigV4 like AWS, answers errors in
/// AWS's shapes, keeps Automation executions and queues in memory, and records every call.
/// </summary>
public sealed partial class AwsSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AwsSandboxOptions _options;
    private readonly AwsEndpoint _endpoint;
    private readonly AwsFaults _faults = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SsmSandbox _ssm;
    private readonly SqsSandbox _sqs;
    private Uri? _serviceUrl;
    private AutomationRunner? _runner;

    private AwsSandbox(AwsSandboxOptions options)
    {
        _options = options;
        _ssm = new SsmSandbox(options);
        _sqs = new SqsSandbox(options, () => ServiceUrl, _stopping.Token);
        _endpoint = new AwsEndpoint(options, [_ssm, _sqs, DynamoDb], _faults);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(_endpoint.HandleAsync);
    }

    /// <summary>Starts an endpoint on http://127.0.0.1:&lt;free port&gt;/.</summary>
    public static async Task<AwsSandbox> StartAsync(AwsSandboxOptions? options = null)
    {
        var sandbox = new AwsSandbox(options ?? new AwsSandboxOptions());
        await sandbox._app.StartAsync();
        var address = sandbox._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        sandbox._serviceUrl = new Uri(address.TrimEnd('/') + "/");
        return sandbox;
    }

    /// <summary>The endpoint for both Aws:SsmServiceUrl and Aws:SqsServiceUrl.</summary>
    public Uri ServiceUrl => _serviceUrl ?? throw new InvalidOperationException("The sandbox is not started.");

    /// <summary>The access key the endpoint accepts.</summary>
    public string AccessKeyId => _options.AccessKeyId;

    /// <summary>Its secret.</summary>
    public string SecretAccessKey => _options.SecretAccessKey;

    /// <summary>The region requests must be signed for.</summary>
    public string Region => _options.Region;

    /// <summary>The account id in queue URLs.</summary>
    public string AccountId => _options.AccountId;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<AwsCall> Calls => _endpoint.Calls;

    /// <summary>The first call matching <paramref name="predicate"/> once answered: one already answered, or the next.</summary>
    public async Task<AwsCall> WaitForCallAsync(Func<AwsCall, bool> predicate, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<AwsCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAnswered(AwsCall call)
        {
            if (predicate(call))
                found.TrySetResult(call);
        }

        _endpoint.Answered += OnAnswered;
        try
        {
            if (_endpoint.Calls.FirstOrDefault(c => c.StatusCode is not null && predicate(c)) is { } answered)
                return answered;
            return await found.Task.WaitAsync(timeout);
        }
        finally
        {
            _endpoint.Answered -= OnAnswered;
        }
    }

    /// <summary>Answers the next <paramref name="times"/> calls of <paramref name="operation"/> (after authentication) with this error.</summary>
    public void FailNext(string operation, string code, int status, int times = 1, string? message = null) =>
        _faults.Add(operation, new AwsSandboxError(code, message ?? $"Injected {code}", status), times);

    /// <summary>
    /// Holds back the next <paramref name="times"/> calls of <paramref name="operation"/> for <paramref name="delay"/> before
    /// they run, as a slow or congested endpoint: a caller that times out first leaves nothing done (recorded as 499),
    /// unless <paramref name="runAnyway"/>: then the operation still runs and only its answer is lost.
    /// </summary>
    public void SlowNext(string operation, TimeSpan delay, int times = 1, bool runAnyway = false) => _faults.AddDelay(operation, delay, runAnyway, times);

    /// <summary>Drops the hold-backs <see cref="SlowNext"/> queued for <paramref name="operation"/> that no call has taken yet.</summary>
    public void ClearSlow(string operation) => _faults.ClearDelays(operation);

    /// <summary>Makes every in-flight message of a queue visible again: the receipt handles its holders have go stale.</summary>
    internal void ExpireInFlight(string queueUrl) => _sqs.ExpireInFlight(queueUrl);

    /// <summary>The body of the message a receipt handle was issued for (deleted or not), or null.</summary>
    internal string? BodyOfReceipt(string receiptHandle) => _sqs.BodyOfReceipt(receiptHandle);

    /// <summary>Raised after any message is put on a queue (queue URL, body): producers, the runner and <see cref="SendMessage"/>.</summary>
    public event Action<string, string>? MessageSent
    {
        add => _sqs.Sent += value;
        remove => _sqs.Sent -= value;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_runner is not null)
            await _runner.Completion;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
