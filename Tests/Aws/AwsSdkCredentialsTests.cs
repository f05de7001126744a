using SocketDeployer.Core.Aws;

namespace SocketDeployer.Tests.Aws;

[NonParallelizable]
public class AwsSdkCredentialsTests
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
    private Dictionary<string, string?> _saved = [];

    [SetUp]
    public void Save() => _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    [TearDown]
    public void Restore()
    {
        foreach (var (name, value) in _saved)
            Environment.SetEnvironmentVariable(name, value);
    }

    [Test]
    public async Task The_SDK_chain_reads_environment_credentials_with_their_session_token()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAENVIRONMENTTEST1");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environment/secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "environment-token");

        var credentials = await new AwsSdkCredentials().GetAsync(CancellationToken.None);

        Assert.That(credentials, Is.EqualTo(new AwsCredentialsSnapshot("ASIAENVIRONMENTTEST1", "environment/secret", "environment-token")));
    }
}
