using System.Text.Json;

namespace SocketDeployer.Tests.Ops;

/// <summary>The shipped catalog (appsettings.json) and the example infrastructure describe the same services.</summary>
public class ShippedCatalogInfraTests
{
    private static readonly Dictionary<string, JsonElement> Services = LoadServices();

    private static IEnumerable<string> Aliases() => LoadServices().Keys.Order(StringComparer.Ordinal);

    [Test]
    public void TheDaemonStackStartsAndQueuesExactlyTheCatalogsDocuments()
    {
        var documents = Services.Values.Select(s => s.GetProperty("Document").GetString()!);

        var listed = InfraTemplates.DefaultOf(RepoFiles.LoadYaml(InfraTemplates.Daemon), "DocumentNames")!.Split(',');

        Assert.That(listed, Is.EquivalentTo(documents));
    }

    [TestCaseSource(nameof(Aliases))]
    public void EveryServiceHasAnExampleDocumentThatTakesItsParametersAndVersions(string alias)
    {
        var service = Services[alias];
        var name = service.GetProperty("Document").GetString();
        var template = InfraTemplates.Documents.Select(RepoFiles.LoadYaml).SingleOrDefault(t => InfraTemplates.DefaultOf(t, "DocumentName") == name);
        Assert.That(template, Is.Not.Null, $"no template in infra/ creates {name}");

        var parameters = InfraTemplates.Content(template!).At("parameters");
        var required = parameters.Entries().Where(e => e.Value.Get("default") is null).Select(e => e.Key);
        var passed = service.GetProperty("Parameters").EnumerateObject().Select(p => p.Name);

        Assert.Multiple(() =>
        {
            Assert.That(required, Is.EquivalentTo(passed), "the document needs exactly what the catalog passes");
            Assert.That(parameters.At("ReleaseTag", "allowedPattern").Scalar(), Is.EqualTo(service.GetProperty("VersionPattern").GetString()),
                "the document accepts exactly the versions the catalog lets through");
        });
    }

    private static Dictionary<string, JsonElement> LoadServices()
    {
        using var json = JsonDocument.Parse(RepoFiles.Read("appsettings.json"));
        return json.RootElement.GetProperty("Deploy").GetProperty("Services").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }
}
