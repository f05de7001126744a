namespace SocketDeployer.Core.Policy;

/// <summary>The tag keys that tie an execution to its Slack thread (design.md "AWS messages").</summary>
public static class ExecutionTags
{
    public const string Thread = "socketdeployer:thread";
    public const string Requester = "socketdeployer:requester";
    public const string Service = "socketdeployer:service";
    public const string Version = "socketdeployer:version";

    /// <summary>The Slack event that started it: a redelivered event finds its own execution, not a lock.</summary>
    public const string Event = "socketdeployer:event";

    /// <summary>Added after the start reply is posted: the ts of the release's status message.</summary>
    public const string StatusTs = "socketdeployer:status";
}
