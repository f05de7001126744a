using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocketDeployer.Sandbox.Aws;

internal sealed partial class SqsSandbox
{
    private async Task<JsonObject> ReceiveAsync(JsonElement body, CancellationToken cancellationToken)
    {
        var queue = Queue(QueueUrl(body));
        var max = body.Int("MaxNumberOfMessages") ?? 1;
        if (max is < 1 or > 10)
            throw SqsErrors.OutOfRange("MaxNumberOfMessages", max, "1 and 10");
        var wait = body.Int("WaitTimeSeconds") ?? 0;
        if (wait is < 0 or > 20)
            throw SqsErrors.OutOfRange("WaitTimeSeconds", wait, "0 and 20");
        var visibility = body.Int("VisibilityTimeout") ?? queue.VisibilityTimeout;
        if (visibility is < 0 or > 43200)
            throw SqsErrors.OutOfRange("VisibilityTimeout", visibility, "0 and 43200");
        var names = body.Strings("AttributeNames").Concat(body.Strings("MessageSystemAttributeNames")).ToHashSet(StringComparer.Ordinal);

        var time = options.TimeProvider;
        var deadline = time.GetUtcNow().AddSeconds(wait);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        while (true)
        {
            Task changed;
            DateTimeOffset wakeAt;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                var received = Take(queue, now, max, visibility, names);
                if (received.Count > 0)
                    return new JsonObject { ["Messages"] = received };
                if (now >= deadline || linked.IsCancellationRequested)
                    return [];
                changed = queue.Changed.Task;
                var nextVisible = queue.Messages.Select(m => m.VisibleAt).Where(t => t > now).DefaultIfEmpty(deadline).Min();
                wakeAt = nextVisible < deadline ? nextVisible : deadline;
                wakeAt = wakeAt > now ? wakeAt : now;
            }

            // Woken by a new or re-visible message, by the next visibility expiry, by the deadline, or by shutdown.
            using var sleep = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            var timer = Task.Delay(wakeAt - time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero, time, sleep.Token);
            await Task.WhenAny(changed, timer);
            await sleep.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private JsonArray Take(SandboxQueue queue, DateTimeOffset now, int max, int visibility, HashSet<string> names)
    {
        var received = new JsonArray();
        foreach (var message in queue.Messages.Where(m => m.VisibleAt <= now).ToList())
        {
            if (queue.DeadLetterQueue is { } dlq && queue.MaxReceiveCount > 0 && message.ReceiveCount >= queue.MaxReceiveCount)
            {
                // Redrive happens when a message that used up its receives would be received once more.
                queue.Messages.Remove(message);
                message.ReceiveCount = 0;
                message.FirstReceiveTimestamp = null;
                message.ReceiptHandle = null;
                dlq.Messages.Add(message);
                dlq.SignalChange();
                continue;
            }

            message.ReceiveCount++;
            message.FirstReceiveTimestamp ??= now;
            message.VisibleAt = now.AddSeconds(visibility);
            message.ReceiptHandle = NewHandle(queue, message);
            received.Add(new JsonObject
            {
                ["MessageId"] = message.MessageId,
                ["ReceiptHandle"] = message.ReceiptHandle,
                ["MD5OfBody"] = message.Md5OfBody,
                ["Body"] = message.Body,
                ["Attributes"] = Attributes(message, names),
            });
            if (received.Count == max)
                break;
        }

        return received;
    }

    private JsonObject? Attributes(SandboxMessage message, HashSet<string> names)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SenderId"] = options.AccountId,
            ["SentTimestamp"] = Millis(message.SentTimestamp),
            ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] = Millis(message.FirstReceiveTimestamp ?? message.SentTimestamp),
        };
        var chosen = all.Where(a => names.Contains("All") || names.Contains(a.Key)).ToList();
        return chosen.Count == 0 ? null : new JsonObject(chosen.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
    }
}
