namespace SocketDeployer.Core.Aws.DynamoDb;

/// <summary>A DynamoDB write with a condition: its failed condition is an answer (false), not an error.</summary>
internal static class ConditionalWrite
{
    /// <summary>True when the write was made; false when its condition did not hold. Other refusals are thrown as
    /// <see cref="AwsException"/> (the SDK retried throttling and 5xx itself; what reaches here is final).</summary>
    public static async Task<bool> SucceedsAsync<T>(Func<Task<T>> call)
    {
        try
        {
            await AwsSdkCall.RunAsync(call);
            return true;
        }
        catch (AwsException e) when (e.Code == "ConditionalCheckFailedException")
        {
            return false;
        }
    }
}
