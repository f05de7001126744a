using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

public class AwsRegionTests
{
    [Test]
    public void Configured_region_wins() =>
        Assert.That(AwsRegion.Resolve(" eu-west-1 ", () => "us-east-2", _ => "ap-south-1"), Is.EqualTo("eu-west-1"));

    [Test]
    public void The_SDK_chain_comes_before_AWS_DEFAULT_REGION() =>
        Assert.That(AwsRegion.Resolve(null, () => "us-east-2", _ => "ap-south-1"), Is.EqualTo("us-east-2"));

    [Test]
    public void AWS_DEFAULT_REGION_is_the_last_resort() =>
        Assert.That(AwsRegion.Resolve("", () => null, name => name == "AWS_DEFAULT_REGION" ? "ap-south-1" : null), Is.EqualTo("ap-south-1"));

    [Test]
    public void No_region_anywhere_is_an_error_naming_the_key() =>
        Assert.That(() => AwsRegion.Resolve(null, () => null, _ => null),
            Throws.InvalidOperationException.With.Message.StartsWith("Aws:Region"));
}
