using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging.Abstractions;
using SocketDeployer.Core.Aws;
using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>The official SDK's SSM client pointed at a Sandbox, for tests that play the AWS console beside the daemon.</summary>
internal static class SandboxClients
{
    public static Ssm Ssm(AwsSandbox sandbox) => new(new LoggedSsmClient(
        new BasicAWSCredentials(sandbox.AccessKeyId, sandbox.SecretAccessKey),
        AwsSdkClients.Configure(new AmazonSimpleSystemsManagementConfig(), sandbox.ServiceUrl, sandbox.Region, TimeSpan.FromSeconds(10)),
        NullLogger.Instance));
}
