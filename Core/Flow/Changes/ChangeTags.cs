namespace SocketDeployer.Core.Flow.Changes;

/// <summary>Tags set when a release starts, so the prompt and the history say what it changes without reading SSM again.</summary>
public static class ChangeTags
{
    /// <summary>The version live when the release was asked for; absent when nothing was live.</summary>
    public const string Live = "socketdeployer:live";

    /// <summary><c>deploy</c> or <c>rollback</c>: set on every release a command started, so a prompt knows whether the
    /// other change tags apply (a pipeline's gate or a console execution carries none).</summary>
    public const string Kind = "socketdeployer:kind";

    public const string DeployKind = "deploy";
    public const string RollbackKind = "rollback";

    /// <summary>Where the version succeeded first: <c>&lt;service&gt;/&lt;unix seconds&gt;/&lt;execution id&gt;</c>.</summary>
    public const string Promoted = "socketdeployer:promoted";
}
