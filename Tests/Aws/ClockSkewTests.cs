using SocketDeployer.Sandbox.Aws;

namespace SocketDeployer.Tests.Aws;

/// <summary>A Sandbox whose clock is ten minutes ahead of this machine's, as a host with a drifted clock sees AWS.</summary>
public class ClockSkewTests : AwsSandboxFixture
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(10);

    protected override AwsSandboxOptions Options => new() { TimeProvider = new OffsetTime(Skew) };

    [Test]
    public async Task The_Date_header_is_the_Sandboxs_clock()
    {
        using var response = await Http.PostAsync(Sandbox.ServiceUrl, new StringContent("{}"));

        Assert.That(response.Headers.Date, Is.EqualTo(TimeProvider.System.GetUtcNow() + Skew).Within(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task The_SDK_is_refused_once_with_Signature_expired_then_corrects_its_clock_and_succeeds()
    {
        Sandbox.RegisterDocument("Deploy-Skewed", "1", []);

        var status = await NewSsm().DescribeDocumentAsync("Deploy-Skewed", "1", CancellationToken.None);
        var again = await NewSsm().DescribeDocumentAsync("Deploy-Skewed", "1", CancellationToken.None);

        var calls = CallsOf("DescribeDocument");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("Active"));
            Assert.That(again, Is.EqualTo("Active"));
            Assert.That(calls.Select(c => c.ErrorCode), Is.EqualTo(new[] { "InvalidSignatureException", null, null }),
                "one refusal; the retry and later calls are signed with the corrected clock");
        });
    }

    internal sealed class OffsetTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
