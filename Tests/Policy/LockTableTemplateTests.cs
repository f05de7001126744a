using SocketDeployer.Core.Aws.DynamoDb;
using SocketDeployer.Tests.Ops;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Policy;

/// <summary>The lock table in infra/socketdeployer.yaml: the key the store uses, and IAM for exactly its calls on it.</summary>
public class LockTableTemplateTests
{
    private static readonly YamlNode Template = RepoFiles.LoadYaml("infra/socketdeployer.yaml");

    [Test]
    public void GrantsExactlyTheDynamoDbActionsTheStoreCallsOnTheLockTableOnly()
    {
        var statements = CloudFormationIam.AllowStatements(Template)
            .Where(s => CloudFormationIam.Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(statements.SelectMany(CloudFormationIam.Actions), Is.EquivalentTo(DynamoDbLockStore.Operations.Select(op => "dynamodb:" + op)));
            Assert.That(statements.Select(s => s.Get("Resource") is YamlScalarNode r ? $"{r.Tag.Value} {r.Value}" : null), Has.All.EqualTo("!GetAtt LockTable.Arn"));
        });
    }

    [Test]
    public void TheTableHasOnlyTheStringPartitionKeyLockKeyOnDemandWithRecovery()
    {
        var table = Template.At("Resources", "LockTable");
        var properties = table.At("Properties");

        Assert.Multiple(() =>
        {
            Assert.That(table.Get("Type").Scalar(), Is.EqualTo("AWS::DynamoDB::Table"));
            Assert.That(properties.Get("BillingMode").Scalar(), Is.EqualTo("PAY_PER_REQUEST"));
            Assert.That(((YamlSequenceNode)properties.Get("KeySchema")!).Children, Has.Count.EqualTo(1));
            Assert.That(properties.At("KeySchema").AllNodes.OfType<YamlMappingNode>().Single().Get("AttributeName").Scalar(), Is.EqualTo("LockKey"));
            Assert.That(properties.At("KeySchema").AllNodes.OfType<YamlMappingNode>().Single().Get("KeyType").Scalar(), Is.EqualTo("HASH"));
            Assert.That(properties.At("AttributeDefinitions").AllNodes.OfType<YamlMappingNode>().Single().Get("AttributeType").Scalar(), Is.EqualTo("S"));
            Assert.That(properties.At("PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled").Scalar(), Is.EqualTo("true"));
            Assert.That(properties.Get("GlobalSecondaryIndexes"), Is.Null);
            Assert.That(properties.At("TimeToLiveSpecification", "AttributeName").Scalar(), Is.EqualTo("ExpiresAt"), "announcement claims expire");
        });
    }
}
