namespace SocketDeployer.Sandbox.Environment;

/// <summary>The people, groups and channels of the Sandbox workspace, matching the shipped appsettings.json catalog.</summary>
public static class SandboxPeople
{
    public const string DeployChannel = "C0123PRODDEPLOY";
    public const string OtherChannel = "C0RANDOM";

    /// <summary>A deployer (in S0DEPLOYERS).</summary>
    public const string Alice = "U0ALICE";

    /// <summary>An approver (named directly in the catalog).</summary>
    public const string Bob = "U0BOB";

    /// <summary>A deployer and approver (in both groups).</summary>
    public const string Carol = "U0CAROL";

    /// <summary>An approver through S0PRODAPPROVERS only.</summary>
    public const string Erin = "U0ERIN";

    /// <summary>Neither deployer nor approver.</summary>
    public const string Dave = "U0DAVE";

    public const string Deployers = "S0DEPLOYERS";
    public const string ProdApprovers = "S0PRODAPPROVERS";

    public static void Seed(SocketDeployer.Sandbox.Slack.SlackWorkspace slack)
    {
        slack.AddUser(Alice, "alice");
        slack.AddUser(Bob, "bob");
        slack.AddUser(Carol, "carol");
        slack.AddUser(Erin, "erin");
        slack.AddUser(Dave, "dave");
        slack.AddUserGroup(Deployers, "deployers", Alice, Carol);
        slack.AddUserGroup(ProdApprovers, "prod-approvers", Carol, Erin);
        slack.AddChannel(DeployChannel, "prod-deployments");
        slack.AddChannel(OtherChannel, "random");
    }
}
