using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Daemon.CommandLine;
using SocketDeployer.Daemon.Configuration;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.Daemon;

/// <summary>
/// The unknown-key check reads nested options classes from <see cref="NestedOptionTypes"/> (the AOT build keeps their
/// properties only because they are named there): every class below a registered section must be listed.
/// </summary>
public class NestedOptionTypesTests
{
    [Test]
    public void EveryOptionsClassBelowASectionIsListed()
    {
        using var check = ConfigurationCheck.Run(
            DaemonCommandLine.Parse(["run", "--config", Path.Combine(RepoPaths.Root, "appsettings.json"), "--Slack:AppToken=xapp-1", "--Slack:BotToken=xoxb-1"]), null);
        var sections = check.Host!.Services.GetServices<OptionsSection>().Select(s => s.Type).ToList();
        var nested = sections.SelectMany(Below).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(sections, Has.Count.GreaterThanOrEqualTo(7), "the daemon's sections");
            Assert.That(nested, Does.Contain(typeof(ServiceOptions)).And.Contain(typeof(GateOptions)));
            Assert.That(nested.Where(t => !NestedOptionTypes.Members.ContainsKey(t)), Is.Empty, "nested options classes missing from NestedOptionTypes");
        });
    }

    [Test]
    public void AListedClassHasTheKeysOfItsProperties() =>
        Assert.That(
            NestedOptionTypes.Members[typeof(GateOptions)].Keys,
            Is.EquivalentTo(typeof(GateOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)));

    // Every options class reached through a property (directly, or as a dictionary's value or a list's element).
    private static IEnumerable<Type> Below(Type type)
    {
        foreach (var property in OptionKeys.Members(type).Values)
        {
            var (shape, inner) = OptionKeys.ShapeOf(property);
            while (shape is OptionShape.Dictionary or OptionShape.List && inner is not null)
            {
                (shape, inner) = OptionKeys.ShapeOf(inner);
            }

            if (shape == OptionShape.Object && inner is not null)
            {
                yield return inner;
                foreach (var deeper in Below(inner))
                {
                    yield return deeper;
                }
            }
        }
    }
}
