using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocketDeployer.Sandbox.Aws;

/// <summary>Receipt-handle operations: only the latest receive's handle deletes or changes visibility; one never issued is invalid.</summary>
internal sealed partial class SqsSandbox
{
    public string? BodyOfReceipt(string handle)
    {
        lock (_gate)
            return _handles.TryGetValue(handle, out var issued) ? issued.Message.Body : null;
    }

    /// <summary>Every in-flight message of the queue becomes visible now, as if its visibility timeout ran out.</summary>
    public void ExpireInFlight(string url)
    {
        lock (_gate)
        {
            var queue = Queue(url);
            var now = options.TimeProvider.GetUtcNow();
            foreach (var message in queue.Messages.Where(m => m.VisibleAt > now))
                message.VisibleAt = now;
            queue.SignalChange();
        }
    }

    private JsonObject DeleteBatch(SandboxQueue queue, JsonElement body) =>
        Batch(body, "DeleteMessageBatchRequestEntry", entry => Delete(queue, entry.String("ReceiptHandle") ?? ""));

    private JsonObject ChangeVisibilityBatch(SandboxQueue queue, JsonElement body) =>
        Batch(body, "ChangeMessageVisibilityBatchRequestEntry", entry =>
        {
            try
            {
                ChangeVisibility(queue, entry.String("ReceiptHandle") ?? "", entry.Int("VisibilityTimeout") ?? throw SqsErrors.MissingParameter("VisibilityTimeout"));
                return null;
            }
            catch (AwsSandboxError error)
            {
                return error;
            }
        });

    /// <summary>A batch call as SQS answers it: the request refused whole for a bad batch, else one result per entry.</summary>
    private static JsonObject Batch(JsonElement body, string entryShape, Func<JsonElement, AwsSandboxError?> apply)
    {
        var entries = body.Array("Entries");
        if (entries.Count == 0)
            throw SqsErrors.Batch("EmptyBatchRequest", $"There should be at least one {entryShape} in the request.");
        if (entries.Count > 10)
            throw SqsErrors.Batch("TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {entries.Count}.");
        var ids = entries.Select(e => e.String("Id") ?? "").ToList();
        if (ids.FirstOrDefault(id => !EntryId().IsMatch(id)) is { } bad)
            throw SqsErrors.Batch("InvalidBatchEntryId", "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw SqsErrors.Batch("BatchEntryIdsNotDistinct", $"Id {repeated.Key} repeated.");

        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in entries)
        {
            var id = entry.String("Id")!;
            if (apply(entry) is { } error)
                failed.Add(new JsonObject { ["Id"] = id, ["SenderFault"] = true, ["Code"] = error.QueryCode, ["Message"] = error.Message });
            else
                successful.Add(new JsonObject { ["Id"] = id });
        }

        return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
    }

    private AwsSandboxError? Delete(SandboxQueue queue, string handle)
    {
        if (!_handles.TryGetValue(handle, out var issued) || issued.Queue != queue)
            return SqsErrors.ReceiptHandleIsInvalid(handle, "It was not issued by this queue.");
        // SQS reference, DeleteMessage: with a handle other than the latest receive's "the request succeeds, but the
        // message will not be deleted"; a message already gone is no error either.
        if (!queue.Messages.Contains(issued.Message) || issued.Message.ReceiptHandle != handle)
            return null;
        queue.Messages.Remove(issued.Message);
        return null;
    }

    private JsonObject ChangeVisibility(SandboxQueue queue, string handle, int timeout)
    {
        if (timeout is < 0 or > 43200)
            throw SqsErrors.OutOfRange("VisibilityTimeout", timeout, "0 and 43200");
        if (!_handles.TryGetValue(handle, out var issued) || issued.Queue != queue)
            throw SqsErrors.ReceiptHandleIsInvalid(handle, "It was not issued by this queue.");
        if (!queue.Messages.Contains(issued.Message))
            throw SqsErrors.InvalidParameterValue($"Value {handle} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.");
        if (issued.Message.ReceiptHandle != handle)
            throw SqsErrors.ReceiptHandleIsInvalid(handle, "The message was received again since; use the latest receipt handle.");
        var now = options.TimeProvider.GetUtcNow();
        if (issued.Message.VisibleAt <= now)
            throw SqsErrors.MessageNotInflight();
        issued.Message.VisibleAt = now.AddSeconds(timeout);
        if (timeout == 0)
            queue.SignalChange();
        return [];
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex EntryId();
}
