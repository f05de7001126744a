namespace SocketDeployer.Sandbox.Aws;

/// <summary>DynamoDB's error shapes (code and message as the service answers them).</summary>
internal static class DynamoDbErrors
{
    public static AwsSandboxError ConditionalCheckFailed() => new("ConditionalCheckFailedException", "The conditional request failed");

    public static AwsSandboxError ResourceNotFound() => new("ResourceNotFoundException", "Requested resource not found");

    /// <summary>DescribeTable of a table that does not exist.</summary>
    public static AwsSandboxError TableNotFound(string table) => new("ResourceNotFoundException", $"Requested resource not found: Table: {table} not found");

    public static AwsSandboxError Validation(string message) => AwsSandboxError.Validation(message);

    public static AwsSandboxError KeyMismatch() => Validation("The provided key element does not match the schema");
}
