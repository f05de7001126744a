using SocketDeployer.Core.Catalog;

namespace SocketDeployer.Tests;

public class SmokeTests
{
    [Test]
    public void SlackOptionsDefaultToTwoConnections() => Assert.That(new SlackOptions().Connections, Is.EqualTo(2));
}
