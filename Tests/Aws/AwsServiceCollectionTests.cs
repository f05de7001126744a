using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
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
            .AddSingleton(SandboxCredentials)
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
        });
    }

    [Test]
    public void Without_an_override_the_endpoint_is_the_regions() =>
        Assert.Multiple(() =>
        {
            var config = AwsSdkClients.Configure(new AmazonSQSConfig(), null, "eu-west-1", TimeSpan.FromSeconds(15));
            Assert.That(config.RegionEndpoint, Is.EqualTo(RegionEndpoint.EUWest1));
            Assert.That(config.ServiceURL, Is.Null);
        });

    [Test]
    public void An_override_keeps_the_configured_region_for_signing_and_the_call_timeout_and_retry_bound() =>
        Assert.Multiple(() =>
        {
            var config = AwsSdkClients.Configure(new AmazonSQSConfig(), new Uri("https://vpce-123.sqs.eu-west-1.vpce.amazonaws.com/"), "eu-west-1",
                TimeSpan.FromSeconds(15), new AwsRetryOptions { MaxRetryAttempts = 3 });
            Assert.That(config.ServiceURL, Is.EqualTo("https://vpce-123.sqs.eu-west-1.vpce.amazonaws.com/"));
            Assert.That(config.AuthenticationRegion, Is.EqualTo("eu-west-1"));
            Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(config.MaxErrorRetry, Is.EqualTo(3));
            Assert.That(config.RetryMode, Is.EqualTo(RequestRetryMode.Standard));
        });
}
