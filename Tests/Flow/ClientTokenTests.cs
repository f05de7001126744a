using SocketDeployer.Core.Flow;

namespace SocketDeployer.Tests.Flow;

public class ClientTokenTests
{
    [Test]
    public void MatchesTheRfc9562Version5Example()
    {
        // RFC 9562 appendix A.4: DNS namespace, "www.example.com".
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.That(ClientToken.NameBased(dns, "www.example.com").ToString(), Is.EqualTo("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    [Test]
    public void IsA36CharacterUuidStableForTheSameEvent()
    {
        var first = ClientToken.For("T111", "Ev111");
        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Length.EqualTo(36));
            Assert.That(ClientToken.For("T111", "Ev111"), Is.EqualTo(first));
            Assert.That(ClientToken.For("T111", "Ev112"), Is.Not.EqualTo(first));
            Assert.That(ClientToken.For("T112", "Ev111"), Is.Not.EqualTo(first));
        });
    }
}
