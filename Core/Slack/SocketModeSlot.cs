using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace SocketDeployer.Core.Slack;

/// <summary>One supervised connection slot of <see cref="SocketModeClient"/>: connect, watch, replace, back off.</summary>
internal sealed class SocketModeSlot
{
    private readonly int _number;
    private readonly SocketModeClient _owner;
    private readonly SocketModeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _connect;
    private int _failures;

    public SocketModeSlot(int number, SocketModeClient owner, SocketModeOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _number = number;
        _owner = owner;
        _options = options;
        _time = timeProvider;
        _logger = logger;
        _connect = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectBaseDelay,
                MaxDelay = options.ReconnectMaxDelay,
                // A refused token (invalid_auth, missing_scope) is not retried: it stops the daemon with its hint.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex
                    && !(ex is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)
                    && !(ex is SlackApiException refused && SlackRefusals.IsPermanent(refused))),
                // A refusal (bad token, Socket Mode off) will not heal in a second: ask again slowly.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception is SlackApiException ? Jitter(options.SlowRetryDelay) : null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is SlackApiException refused)
                    {
                        SocketModeLog.OpenRefused(_logger, refused.Error, args.RetryDelay);
                    }
                    else
                    {
                        SocketModeLog.Reconnecting(_logger, _number, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "?");
                    }

                    return default;
                },
            })
            .Build();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        SocketModeConnection? current = null;
        try
        {
            while (true)
            {
                current ??= await ConnectAsync(cancellationToken).ConfigureAwait(false);
                var connectedAt = _time.GetUtcNow();
                await Task.WhenAny(current.DisconnectRequested, current.Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (_time.GetUtcNow() - connectedAt > _options.ReconnectMaxDelay)
                {
                    _failures = 0;
                }

                current = await OnEndingAsync(current, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (current is not null)
            {
                await _owner.RetireAsync(current, politely: true).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deals with a connection Slack wants gone or that died; returns its replacement, if already open.</summary>
    private async Task<SocketModeConnection?> OnEndingAsync(SocketModeConnection current, CancellationToken cancellationToken)
    {
        var reason = current.DisconnectRequested.IsCompleted ? await current.DisconnectRequested.ConfigureAwait(false) : null;
        switch (reason)
        {
            case null:
                var why = await current.Completion.ConfigureAwait(false);
                await _owner.RetireAsync(current, politely: false).ConfigureAwait(false);
                var delay = NextBackoff();
                SocketModeLog.Reconnecting(_logger, _number, _failures, delay, why);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                return null;
            case "link_disabled":
                await _owner.RetireAsync(current, politely: true).ConfigureAwait(false);
                var slow = Jitter(_options.SlowRetryDelay);
                SocketModeLog.LinkDisabled(_logger, slow);
                await Task.Delay(slow, _time, cancellationToken).ConfigureAwait(false);
                return null;
            case "too_many_websockets":
                // Opening a replacement first would only add to the count Slack complains about.
                await _owner.RetireAsync(current, politely: true).ConfigureAwait(false);
                var backoff = NextBackoff();
                SocketModeLog.TooManyWebsockets(_logger, _number, backoff);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                // warning / refresh_requested: the old socket keeps serving until the new one said hello.
                var replacement = await ConnectAsync(cancellationToken).ConfigureAwait(false);
                SocketModeLog.Replaced(_logger, current.Name, replacement.Name);
                await _owner.RetireAsync(current, politely: true).ConfigureAwait(false);
                return replacement;
        }
    }

    private ValueTask<SocketModeConnection> ConnectAsync(CancellationToken cancellationToken) =>
        _connect.ExecuteAsync(
            static async (state, token) =>
            {
                var connection = state._owner.NewConnection(state._number);
                try
                {
                    await connection.ConnectAsync(token).ConfigureAwait(false);
                }
                catch
                {
                    await state._owner.RetireAsync(connection, politely: false).ConfigureAwait(false);
                    throw;
                }

                state._owner.OnHello();
                return connection;
            },
            this,
            cancellationToken);

    private TimeSpan NextBackoff()
    {
        var exponent = Math.Min(_failures++, 16);
        var ticks = Math.Min(_options.ReconnectBaseDelay.Ticks * (1L << exponent), _options.ReconnectMaxDelay.Ticks);
        return Jitter(TimeSpan.FromTicks(ticks));
    }

    // Between half and all of the delay, so slots and instances do not reconnect in lockstep.
    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.5 + (Random.Shared.NextDouble() / 2));
}
