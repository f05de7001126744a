using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SocketDeployer.Core.Audit;

namespace SocketDeployer.Core.Json;

/// <summary>
/// Every type the daemon serializes or deserializes with System.Text.Json, as source-generated code: the Native AOT
/// build has no reflection-based serializer. A new payload type gets a <c>[JsonSerializable]</c> line here and is
/// (de)serialized through <c>CoreJsonContext.Default.TheType</c>; the AOT publish fails on any call that is not.
/// Property names are camelCase and nulls are left out (the audit log's format); Slack bodies are JsonObjects,
/// written as built, which neither setting touches.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonLinesAuditLog.Line))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(string))]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
}
