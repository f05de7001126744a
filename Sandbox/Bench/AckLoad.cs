using System.Globalization;
using System.Text.Json.Nodes;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Sandbox.Bench;

/// <summary>
/// Envelopes at a fixed rate to one peer's connections for a bounded time; the latency is the Sandbox's own ack record
/// (delivery registered → ack parsed). The event is a <c>reaction_added</c>, which neither peer acts on, so the figure
/// is the ack path alone and no Slack posts are generated.
/// </summary>
internal static class AckLoad
{
    private static readonly TimeSpan AckWait = TimeSpan.FromSeconds(20);

    public static async Task<Latencies> RunAsync(SlackWorkspace slack, IReadOnlyList<int> connections, int perSecond, TimeSpan duration, TimeProvider time)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var sends = new List<Task<Delivery>>(total);
        var start = time.GetTimestamp();
        var sent = 0;
        while (sent < total)
        {
            var due = Math.Min(total, (int)(time.GetElapsedTime(start).TotalSeconds * perSecond) + 1);
            for (; sent < due; sent++)
            {
                sends.Add(slack.SendEnvelopeAsync("events_api", Payload(slack, sent), connections[sent % connections.Count]));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), time);
        }

        var deliveries = await Task.WhenAll(sends);
        try
        {
            await Task.WhenAll(deliveries.Select(d => d.Acked)).WaitAsync(AckWait, time);
        }
        catch (TimeoutException)
        {
            // Reported as missing below.
        }

        // The first attempt's own latency: a redelivery after a missed deadline counts as the late first ack it stands for.
        var byId = slack.Acks.Where(a => a.RetryAttempt == 0).ToDictionary(a => a.EnvelopeId, StringComparer.Ordinal);
        var latencies = deliveries.Select(d => byId.TryGetValue(d.EnvelopeId, out var a) && a.Latency is { } l ? l.TotalMilliseconds : double.NaN).ToList();
        return new Latencies(latencies.Where(l => !double.IsNaN(l)), latencies.Count(double.IsNaN));
    }

    private static JsonObject Payload(SlackWorkspace slack, int i)
    {
        var ts = string.Create(CultureInfo.InvariantCulture, $"1800000000.{i % 1_000_000:D6}");
        return new JsonObject
        {
            ["token"] = "sandbox-verification-token",
            ["team_id"] = slack.TeamId,
            ["api_app_id"] = "A0SANDBOX",
            ["type"] = "event_callback",
            ["event_id"] = string.Create(CultureInfo.InvariantCulture, $"Ev0BENCH{i:D8}"),
            ["event_time"] = 1800000000L,
            ["event"] = new JsonObject
            {
                ["type"] = "reaction_added",
                ["user"] = "U0DAVE",
                ["reaction"] = "eyes",
                ["item"] = new JsonObject { ["type"] = "message", ["channel"] = "C0RANDOM", ["ts"] = ts },
                ["event_ts"] = ts,
            },
        };
    }
}
