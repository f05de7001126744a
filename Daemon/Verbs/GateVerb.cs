using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Time;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Daemon.Verbs;

/// <summary>
/// <c>socketdeployer gate &lt;service&gt; --summary TEXT [--link URL] [--requested-by ID|EMAIL] [--timeout T]</c>: a pipeline
/// starts the gate document and blocks until Slack decided. The daemon announces the execution in the service's
/// channel and gates it like any release; this side only starts it, waits, and says who decided.
/// </summary>
internal static class GateVerb
{
    /// <summary>From the executable: Ctrl-C and SIGTERM stop the wait (and only the wait: the gate stays open).</summary>
    public static async Task<int> RunFromConsoleAsync(DaemonCommandLine commandLine)
    {
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await RunAsync(commandLine, Console.Out, Console.Error, cancellationToken: stop.Token);
    }

    public static async Task<int> RunAsync(
        DaemonCommandLine commandLine, TextWriter output, TextWriter error,
        Action<IServiceCollection>? configure = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var arguments = commandLine.Gate ?? throw new ArgumentException("not a gate command line", nameof(commandLine));
        time ??= TimeProvider.System;
        using var settings = GateSettings.Read(commandLine, configure, out var failures);
        if (settings is null)
        {
            await error.WriteLineAsync($"socketdeployer gate: configuration errors:\n  {string.Join("\n  ", failures)}");
            return GateExit.Error;
        }

        if (!settings.Services.Contains(arguments.Service, StringComparer.Ordinal))
        {
            var why = settings.Services.Count == 0
                ? $"the configuration ({commandLine.ConfigPath}) has no Deploy:Services to check '{arguments.Service}' against; use the daemon's catalog"
                : ServiceSuggestion.DescribeUnknown(arguments.Service, settings.Services);
            await error.WriteLineAsync($"socketdeployer gate: {why}{(why.EndsWith('?') ? "" : ".")} Nothing was started.");
            return GateExit.Error;
        }

        var ssm = settings.Ssm;
        string id;
        try
        {
            id = await ssm.StartAutomationExecutionAsync(Request(settings.Gate, arguments), cancellationToken);
        }
        catch (AwsException e)
        {
            await error.WriteLineAsync($"socketdeployer gate: could not start {settings.Gate.Document} v{settings.Gate.DocumentVersion}: {TroubleshootingHints.ForAws(e)}. Nothing was started.");
            return GateExit.Error;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("socketdeployer gate: stopped before the gate was started.");
            return GateExit.NoDecision;
        }

        var limit = arguments.Timeout is { } t ? $" for up to {HumanDuration.Format(t)}" : "";
        await output.WriteLineAsync($"Gate {id} started for {arguments.Service}: waiting{limit} for a decision in Slack.");
        await output.WriteLineAsync(CancelHint(id));
        return await WaitAsync(new GateWaiter(ssm, time), ssm, id, arguments, time, output, error, cancellationToken);
    }

    /// <summary>How to cancel a gate this process no longer waits for.</summary>
    public static string CancelHint(string id) =>
        $"To cancel it: aws ssm stop-automation-execution --automation-execution-id {id} --type Cancel   (or in Slack: @deploybot cancel {id})";

    private static async Task<int> WaitAsync(
        GateWaiter waiter, ISsm ssm, string id, GateArguments arguments, TimeProvider time, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            var deadline = arguments.Timeout is { } timeout ? time.GetUtcNow() + timeout : (DateTimeOffset?)null;
            if (await waiter.WaitAsync(id, deadline, ct) is not { } ended)
            {
                if (await CancelAsync(waiter, ssm, id, ct) is { } late)
                {
                    ended = late;
                }
                else
                {
                    await output.WriteLineAsync($"No decision within {HumanDuration.Format(arguments.Timeout!.Value)}: gate {id} cancelled.");
                    return GateExit.NoDecision;
                }
            }

            var tags = ended.Status is "Success" or "Failed" ? await waiter.TagsAsync(id, GateOutcome.Decided, ct) : await ssm.ListTagsAsync(id, ct);
            var outcome = GateOutcome.Of(ended, tags);
            await (outcome.ExitCode == GateExit.Error ? error : output).WriteLineAsync(outcome.Line);
            return outcome.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync($"Stopped waiting; gate {id} is still open in Slack.\n{CancelHint(id)}");
            return GateExit.NoDecision;
        }
        catch (AwsException e)
        {
            await error.WriteLineAsync($"socketdeployer gate: lost track of gate {id}: {TroubleshootingHints.ForAws(e)}\n{CancelHint(id)}");
            return GateExit.Error;
        }
    }

    /// <summary>Stops the gate at the deadline; returns the execution instead when it ended meanwhile.</summary>
    private static async Task<AutomationExecution?> CancelAsync(GateWaiter waiter, ISsm ssm, string id, CancellationToken ct)
    {
        try
        {
            await ssm.StopAutomationExecutionAsync(id, ct);
            return null;
        }
        catch (AwsException e) when (e.Code is "InvalidAutomationStatusUpdateException")
        {
            // Already ended (decided at the last moment) or already stopping: either way, its end is what counts.
            return await waiter.WaitAsync(id, null, ct);
        }
    }

    private static StartAutomationRequest Request(GateOptions gate, GateArguments arguments)
    {
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [GateOptions.Parameters.Service] = [arguments.Service],
            [GateOptions.Parameters.Summary] = [arguments.Summary],
        };
        if (arguments.Link is { } link)
        {
            parameters[GateOptions.Parameters.Link] = [link];
        }

        if (arguments.RequestedBy is { } requestedBy)
        {
            parameters[GateOptions.Parameters.RequestedBy] = [requestedBy];
        }

        // No socketdeployer tags: the daemon recognises an execution it did not start and announces it in Slack.
        return new StartAutomationRequest(gate.Document, gate.DocumentVersion, parameters, Guid.NewGuid().ToString(), new Dictionary<string, string>());
    }
}
