using Amazon.SimpleSystemsManagement.Model;
using Amazon.SQS.Model;
using SocketDeployer.Core.Aws;
using SocketDeployer.Daemon.Diagnostics;

namespace SocketDeployer.Tests.Aws;

/// <summary>Where the Sandbox once differed from the services' references, driven through the official SDK clients.</summary>
public class SandboxReferenceTests : AwsSandboxFixture
{
    [Test]
    public void Starting_a_missing_document_is_AutomationDefinitionNotFoundException_with_its_hint()
    {
        using var client = SsmClient();

        Assert.ThrowsAsync<AutomationDefinitionNotFoundException>(() => client.StartAutomationExecutionAsync(
            new StartAutomationExecutionRequest { DocumentName = "No-Such-Runbook" }, CancellationToken.None));
        var error = Assert.ThrowsAsync<AwsException>(() => new Ssm(SsmClient()).StartAutomationExecutionAsync(
            SsmSandboxTests.Request("No-Such-Runbook", null), CancellationToken.None));

        Assert.That(TroubleshootingHints.ForAws(error!), Is.EqualTo(
            "AutomationDefinitionNotFoundException: document not found; check Deploy:Services:*:Document and the region"));
    }

    [Test]
    public void Starting_a_missing_version_is_AutomationDefinitionVersionNotFoundException_with_its_hint()
    {
        Sandbox.RegisterDocument("Deploy-Versioned", "1", []);
        using var client = SsmClient();

        Assert.ThrowsAsync<AutomationDefinitionVersionNotFoundException>(() => client.StartAutomationExecutionAsync(
            new StartAutomationExecutionRequest { DocumentName = "Deploy-Versioned", DocumentVersion = "2" }, CancellationToken.None));
        var error = Assert.ThrowsAsync<AwsException>(() => new Ssm(SsmClient()).StartAutomationExecutionAsync(
            SsmSandboxTests.Request("Deploy-Versioned", null, "2"), CancellationToken.None));

        Assert.That(TroubleshootingHints.ForAws(error!), Is.EqualTo(
            "AutomationDefinitionVersionNotFoundException: document version not found; check Deploy:Services:*:DocumentVersion"));
    }

    [Test]
    public async Task DeleteMessage_with_a_superseded_receipt_handle_succeeds_without_deleting()
    {
        var url = Sandbox.CreateQueue("superseded-" + Guid.NewGuid().ToString("N")[..8]);
        Sandbox.SendMessage(url, "m");
        using var client = SqsClient();
        var first = (await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, VisibilityTimeout = 0 })).Messages.Single();
        var second = (await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, VisibilityTimeout = 30 })).Messages.Single();

        await client.DeleteMessageAsync(url, first.ReceiptHandle);
        var afterStale = Sandbox.Messages(url).Count;
        await client.DeleteMessageAsync(url, second.ReceiptHandle);

        Assert.Multiple(() =>
        {
            Assert.That(second.MessageId, Is.EqualTo(first.MessageId));
            Assert.That(afterStale, Is.EqualTo(1), "the superseded handle deleted nothing");
            Assert.That(Sandbox.Messages(url), Is.Empty, "the latest handle deletes");
        });
    }

    [Test]
    public async Task ChangeMessageVisibilityBatch_answers_each_entry()
    {
        var url = Sandbox.CreateQueue("batch-" + Guid.NewGuid().ToString("N")[..8]);
        Sandbox.SendMessage(url, "m");
        using var client = SqsClient();
        var held = (await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, VisibilityTimeout = 300 })).Messages.Single();

        var answer = await client.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
        {
            QueueUrl = url,
            Entries =
            [
                new() { Id = "held", ReceiptHandle = held.ReceiptHandle, VisibilityTimeout = 0 },
                new() { Id = "forged", ReceiptHandle = "bm90LWEtaGFuZGxl", VisibilityTimeout = 0 },
            ],
        });
        var again = await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url });

        Assert.Multiple(() =>
        {
            Assert.That(answer.Successful.Select(s => s.Id), Is.EqualTo(new[] { "held" }));
            Assert.That(answer.Failed.Select(f => (f.Id, f.Code, f.SenderFault)), Is.EqualTo(new[] { ("forged", "ReceiptHandleIsInvalid", (bool?)true) }));
            Assert.That(again.Messages.Single().MessageId, Is.EqualTo(held.MessageId), "visibility 0 made it receivable at once");
        });
        Assert.ThrowsAsync<EmptyBatchRequestException>(() =>
            client.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest { QueueUrl = url, Entries = [] }));
    }
}
