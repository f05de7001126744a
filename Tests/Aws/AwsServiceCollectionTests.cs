using Microsoft.Extensions.DependencyInjection;
using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Tests.Aws;

public class AwsServiceCollectionTests : AwsSandboxFixture
{
    [Test]
    public async Task AddAwsClients_builds_clients_that_use_the_endpoint_overrides_and_send_the_QueueUrl_unchanged()
    {
        var queue = Sandbox.CreateQueue("di-queue");
        Sandbox.RegisterDocument("Deploy-Di", "1", []);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IAwsCredentials>(new StaticAwsCredentials(SandboxCredentials))
            .Configure<AwsOptions>(o =>
            {
                o.Region = Sandbox.Region;
                o.QueueUrl = new Uri(queue);
                o.SqsServiceUrl = Sandbox.ServiceUrl;
                o.SsmServiceUrl = Sandbox.ServiceUrl;
            })
            .AddAwsClients();
        await using var provider = services.BuildServiceProvider();

        var url = await provider.GetRequiredService<ISqs>().GetQueueUrlAsync("di-queue", CancellationToken.None);
        await provider.GetRequiredService<ISqs>().ReceiveMessagesAsync(1, 0, null, CancellationToken.None);
        var status = await provider.GetRequiredService<ISsm>().DescribeDocumentAsync("Deploy-Di", "1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(url, Is.EqualTo(queue));
            Assert.That(CallsOf("ReceiveMessage")[^1].Json().GetProperty("QueueUrl").GetString(), Is.EqualTo(queue));
            Assert.That(status, Is.EqualTo("Active"));
            Assert.That(provider.GetRequiredService<IAwsCredentials>(), Is.InstanceOf<StaticAwsCredentials>(), "a registered credential source is kept");
        });
    }

    [Test]
    public void Without_overrides_the_endpoints_are_regional() =>
        Assert.Multiple(() =>
        {
            Assert.That(AwsJsonProtocol.Ssm.RegionalEndpoint("eu-west-1").ToString(), Is.EqualTo("https://ssm.eu-west-1.amazonaws.com/"));
            Assert.That(AwsJsonProtocol.Sqs.RegionalEndpoint("us-east-1").ToString(), Is.EqualTo("https://sqs.us-east-1.amazonaws.com/"));
        });
}
