using System.Globalization;
using Amazon.DynamoDBv2.Model;
using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>The attributes of a lock item; only <see cref="Key"/> is part of the table's schema.</summary>
internal static class LockItem
{
    public const string Key = "LockKey";
    public const string Token = "Token";
    public const string Requester = "Requester";
    public const string Since = "Since";
    public const string Version = "Version";
    public const string EventId = "EventId";
    public const string ExecutionId = "ExecutionId";
    public const string Reason = "Reason";
    public const string Thread = "Thread";
    public const string Kind = "Kind";

    public static Dictionary<string, AttributeValue> KeyOf(string service) =>
        new(StringComparer.Ordinal) { [Key] = new() { S = service } };

    public static Dictionary<string, AttributeValue> From(LockHolder holder)
    {
        var item = KeyOf(holder.Service);
        item[Token] = new() { S = holder.Token };
        item[Requester] = new() { S = holder.Requester };
        item[Since] = new() { S = holder.Since.ToString("O", CultureInfo.InvariantCulture) };
        item[Kind] = new() { S = holder.IsManual ? "manual" : "release" };
        // DynamoDB refuses empty strings in no attribute but keys; absent values are simply left out.
        Optional(item, Version, holder.Version);
        Optional(item, EventId, holder.EventId);
        Optional(item, ExecutionId, holder.ExecutionId);
        Optional(item, Reason, holder.Reason);
        Optional(item, Thread, holder.Thread);
        return item;
    }

    public static LockHolder ToHolder(Dictionary<string, AttributeValue> item) => new(
        Text(item, Key) ?? "",
        Text(item, Token) ?? "",
        Text(item, Requester) ?? "",
        Instant(item, Since),
        Text(item, Version),
        Text(item, EventId),
        Text(item, ExecutionId),
        Text(item, Reason),
        Text(item, Thread),
        Text(item, Kind) == "manual");

    private static void Optional(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = new() { S = value };
        }
    }

    public static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    /// <summary>An instant written with <c>"O"</c>; <see cref="DateTimeOffset.MinValue"/> when absent or unreadable.</summary>
    public static DateTimeOffset Instant(Dictionary<string, AttributeValue> item, string name) =>
        DateTimeOffset.TryParse(Text(item, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
}
