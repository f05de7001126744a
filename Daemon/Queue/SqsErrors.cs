namespace SocketDeployer.Daemon.Queue;

/// <summary>SQS answers meaning "this receipt handle is no longer yours" rather than a fault worth retrying.</summary>
internal static class SqsErrors
{
    // Deleting or changing the visibility of a message received again elsewhere (or already deleted) yields
    // ReceiptHandleIsInvalid, or for ChangeMessageVisibility InvalidParameterValue ("not available for visibility
    // timeout change"); the JSON protocol may prefix the code with the service namespace.
    public static bool IsReceiptLost(string code) =>
        code.EndsWith("ReceiptHandleIsInvalid", StringComparison.Ordinal)
        || code.EndsWith("MessageNotInflight", StringComparison.Ordinal)
        || code.EndsWith("InvalidParameterValue", StringComparison.Ordinal);
}
