namespace SocketDeployer.Daemon.Queue;

/// <summary>
/// How long a message to be retried stays hidden: growing with its ApproximateReceiveCount so a brief Slack outage is
/// ridden out in seconds while a lasting one does not burn the redrive policy's receives in a minute.
/// </summary>
internal static class RetryDelay
{
    public const int BaseSeconds = 5;

    public const int MaxSeconds = 300;

    public const string ReceiveCountAttribute = "ApproximateReceiveCount";

    /// <summary>5 s after the first receive, then 10, 20, 40 … up to 5 minutes.</summary>
    public static int Seconds(int receiveCount)
    {
        var exponent = Math.Clamp(receiveCount - 1, 0, 16);
        return (int)Math.Min(MaxSeconds, (long)BaseSeconds << exponent);
    }

    /// <summary>The message's receive count; 1 when SQS did not send it.</summary>
    public static int ReceiveCount(Core.Aws.SqsMessage message) =>
        message.Attributes.TryGetValue(ReceiveCountAttribute, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
        && count > 0 ? count : 1;
}
