namespace SocketDeployer.Sandbox.Aws;

/// <summary>SQS's errors: the JSON shape name and the legacy query code SQS also sends in x-amzn-query-error.</summary>
internal static class SqsErrors
{
    public static AwsSandboxError QueueDoesNotExist() =>
        new("QueueDoesNotExist", "The specified queue does not exist.", 400, "AWS.SimpleQueueService.NonExistentQueue");

    public static AwsSandboxError ReceiptHandleIsInvalid(string handle, string reason) =>
        new("ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle. {reason}", 400, "ReceiptHandleIsInvalid");

    public static AwsSandboxError MessageNotInflight() =>
        new("MessageNotInflight", "The message referred to isn't in flight.", 400, "AWS.SimpleQueueService.MessageNotInflight");

    public static AwsSandboxError InvalidParameterValue(string message) =>
        new("InvalidParameterValueException", message, 400, "InvalidParameterValue");

    public static AwsSandboxError MissingParameter(string name) =>
        new("MissingRequiredParameterException", $"The request must contain the parameter {name}.", 400, "MissingParameter");

    public static AwsSandboxError Batch(string code, string message) =>
        new(code, message, 400, "AWS.SimpleQueueService." + code);

    public static AwsSandboxError OutOfRange(string parameter, int value, string range) =>
        InvalidParameterValue($"Value {value} for parameter {parameter} is invalid. Reason: Must be between {range}, if provided.");
}
