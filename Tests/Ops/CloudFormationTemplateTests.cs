using SocketDeployer.Core.Aws;
using YamlDotNet.RepresentationModel;

namespace SocketDeployer.Tests.Ops;

public class CloudFormationTemplateTests
{
    private static readonly YamlNode Template = RepoFiles.LoadYaml(InfraTemplates.Daemon);

    [Test]
    public void TheCheckerCatchesDanglingReferences()
    {
        var broken = RepoFiles.ParseYaml("""
            Parameters: { Known: { Type: String } }
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  A: !Ref Known
                  B: !Ref Missing
                  C: !GetAtt Nowhere.Arn
                  D: !Sub '${AWS::Region}-${Known}-${Unknown}-${!Literal}'
                  E: { 'Fn::Sub': ['${Local}-${Queue.Arn}', { Local: !Ref AlsoMissing }] }
                  F: !Bogus x
                  G: !If [NoSuchCondition, a, b]
            """);

        var problems = CloudFormationReferences.Unresolved(broken);

        Assert.That(problems, Has.Count.EqualTo(6));
        Assert.That(string.Join('\n', problems), Does.Contain("Missing").And.Contain("Nowhere").And.Contain("Unknown")
            .And.Contain("AlsoMissing").And.Contain("!Bogus").And.Contain("NoSuchCondition"));
    }

    [Test]
    public void GrantsExactlyTheSsmAndSqsActionsTheCodeCalls()
    {
        var expected = Ssm.Operations.Select(op => "ssm:" + op)
            .Concat(Sqs.Operations.Select(op => "sqs:" + SqsIamAction(op)))
            .ToHashSet();

        var granted = CloudFormationIam.AllowStatements(Template)
            .SelectMany(CloudFormationIam.Actions)
            .Where(a => a.StartsWith("ssm:", StringComparison.Ordinal) || a.StartsWith("sqs:", StringComparison.Ordinal))
            .ToHashSet();

        Assert.That(granted, Is.EquivalentTo(expected));
    }

    [Test]
    public void GrantsNoWildcardActions() =>
        Assert.That(CloudFormationIam.AllowStatements(Template).SelectMany(CloudFormationIam.Actions), Has.None.Contains('*'));

    [Test]
    public void ScopesEachGrantToItsResources()
    {
        var statements = CloudFormationIam.AllowStatements(Template);
        string ResourceOf(string action) => InfraTemplates.Describe(statements.Single(s => CloudFormationIam.Actions(s).Contains(action)).Get("Resource"));

        Assert.Multiple(() =>
        {
            Assert.That(ResourceOf("ssm:StartAutomationExecution"), Does.EndWith(":automation-definition/${DocumentName}:*"));
            Assert.That(ResourceOf("ssm:DescribeDocument"), Does.EndWith(":document/${DocumentName}"));
            foreach (var action in new[] { "ssm:SendAutomationSignal", "ssm:GetAutomationExecution", "ssm:StopAutomationExecution", "ssm:AddTagsToResource", "ssm:ListTagsForResource" })
            {
                Assert.That(ResourceOf(action), Does.EndWith(":automation-execution/*"), action);
            }

            foreach (var action in new[] { "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl" })
            {
                Assert.That(ResourceOf(action), Is.EqualTo("!GetAtt EventQueue.Arn"), action);
            }

            var passRole = statements.Single(s => CloudFormationIam.Actions(s).Contains("iam:PassRole"));
            Assert.That(InfraTemplates.Describe(passRole.Get("Resource")), Is.EqualTo("!Ref AutomationAssumeRoleArn"));
            Assert.That(passRole.At("Condition", "StringEquals", "iam:PassedToService").Scalar(), Is.EqualTo("ssm.amazonaws.com"));
        });
    }

    [Test]
    public void QueuesOnlyTheCatalogsAutomationEventsFromThisRule()
    {
        var resources = Template.At("Resources");
        var pattern = resources.At("AutomationEventsRule", "Properties", "EventPattern");
        var allow = resources.At("EventQueuePolicy", "Properties", "PolicyDocument", "Statement")
            .AllNodes.OfType<YamlMappingNode>().Single(s => s.Get("Effect").Scalar() == "Allow");

        Assert.Multiple(() =>
        {
            Assert.That(pattern.Get("source").Scalars(), Is.EqualTo(new[] { "aws.ssm" }));
            Assert.That(pattern.Get("detail-type").Scalars(), Is.EquivalentTo(new[]
            {
                "EC2 Automation Step Status-change Notification", "EC2 Automation Execution Status-change Notification",
            }));
            Assert.That(InfraTemplates.Describe(pattern.At("detail", "Definition")), Is.EqualTo("!Ref DocumentNames"));
            Assert.That(allow.At("Principal", "Service").Scalar(), Is.EqualTo("events.amazonaws.com"));
            Assert.That(allow.Get("Action").Scalars(), Is.EqualTo(new[] { "sqs:SendMessage" }));
            Assert.That(allow.At("Condition", "ArnEquals", "aws:SourceArn").AllNodes.OfType<YamlScalarNode>().Select(InfraTemplates.Describe),
                Is.EquivalentTo(new[] { "!GetAtt AutomationEventsRule.Arn", "!GetAtt GateEventsRule.Arn" }), "only the two rules may send");
            Assert.That(resources.At("GateEventsRule", "Properties", "EventPattern", "detail", "Definition").AllNodes.OfType<YamlScalarNode>().Select(InfraTemplates.Describe),
                Is.EqualTo(new[] { "!Ref GateDocumentName" }));
            Assert.That(resources.At("EventQueue", "Properties", "RedrivePolicy", "maxReceiveCount").Scalar(), Is.EqualTo("5"));
            Assert.That(resources.At("EventQueue", "Properties", "SqsManagedSseEnabled").Scalar(), Is.EqualTo("true"));
            Assert.That(resources.At("DeadLetterQueue", "Properties", "SqsManagedSseEnabled").Scalar(), Is.EqualTo("true"));
        });
    }

    [Test]
    public void OutputsWhatTheDaemonAndTheDocumentsNeed() =>
        Assert.That(Template.Get("Outputs").Entries().Select(e => e.Key), Is.SupersetOf(new[] { "QueueUrl", "QueueArn", "DlqUrl", "DlqName", "RoleArn", "InstanceProfileName" }));

    [Test]
    public void QueuesTheDocumentsTheAutomationRoleStackSendsProgressTo() =>
        Assert.That(InfraTemplates.DefaultOf(Template, "QueueName"),
            Is.EqualTo(InfraTemplates.DefaultOf(RepoFiles.LoadYaml(InfraTemplates.AutomationRole), "QueueName")));

    private static string SqsIamAction(string operation) => operation switch
    {
        // Batch calls are authorised as their single-message action.
        "DeleteMessageBatch" => "DeleteMessage",
        "ChangeMessageVisibilityBatch" => "ChangeMessageVisibility",
        _ => operation,
    };
}
