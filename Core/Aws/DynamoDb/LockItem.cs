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
        DateTimeOffset.TryParse(Text(item, Since), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since) ? since : DateTimeOffset.MinValue,
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

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;
}
