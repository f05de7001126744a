using SocketDeployer.Core.Aws;
using SocketDeployer.Core.Flow.Releases;

namespace SocketDeployer.Tests.FlowProgress;

/// <summary>The directory's cache under a tag read that answers after the execution was tagged (CI saw every later
/// event of an announced gate taken for "not ours" when a stale, empty read was cached over the announcement).</summary>
public class ReleaseDirectoryTests
{
    private const string Id = "exec-1";

    private static readonly Dictionary<string, string> Tagged = new(StringComparer.Ordinal)
    {
        [ExecutionTags.Thread] = "C1/1700000000.000100",
        [ExecutionTags.Requester] = "U1",
        [ExecutionTags.Service] = "app",
        [ExecutionTags.StatusTs] = "1700000000.000200",
    };

    [Test]
    public async Task AnEmptyReadAnsweredAfterTheAnnouncementDoesNotHideTheRelease()
    {
        var ssm = new HeldTagsSsm(new Dictionary<string, string>(StringComparer.Ordinal));
        var directory = new ReleaseDirectory(ssm);
        var read = directory.FindAsync(Id, CancellationToken.None);
        await ssm.ReadStarted.Task;
        var announced = ReleaseInfo.FromTags(Id, Tagged)!;
        directory.Adopted(announced);
        ssm.Answer.SetResult();

        Assert.Multiple(async () =>
        {
            Assert.That(await read, Is.SameAs(announced), "the late read answers what is known");
            Assert.That(await directory.FindAsync(Id, CancellationToken.None), Is.SameAs(announced));
        });
    }

    [Test]
    public async Task AReadWithoutTheStatusTsDoesNotReplaceOneWithIt()
    {
        var withoutStatus = new Dictionary<string, string>(Tagged, StringComparer.Ordinal);
        withoutStatus.Remove(ExecutionTags.StatusTs);
        var ssm = new HeldTagsSsm(withoutStatus);
        var directory = new ReleaseDirectory(ssm);
        var read = directory.FindAsync(Id, CancellationToken.None);
        await ssm.ReadStarted.Task;
        directory.Adopted(ReleaseInfo.FromTags(Id, Tagged)!);
        ssm.Answer.SetResult();

        Assert.That((await read)?.StatusTs, Is.EqualTo("1700000000.000200"));
    }

    [Test]
    public async Task AnExecutionNotStartedFromSlackIsRememberedAsNoneUntilItIsAnnounced()
    {
        var ssm = new HeldTagsSsm(new Dictionary<string, string>(StringComparer.Ordinal));
        ssm.Answer.SetResult();
        var directory = new ReleaseDirectory(ssm);

        Assert.That(await directory.FindAsync(Id, CancellationToken.None), Is.Null);
        Assert.That(await directory.FindAsync(Id, CancellationToken.None), Is.Null);
        Assert.That(ssm.Reads, Is.EqualTo(1), "a known 'none' is cached");
        directory.Adopted(ReleaseInfo.FromTags(Id, Tagged)!);
        Assert.That((await directory.FindAsync(Id, CancellationToken.None))?.Service, Is.EqualTo("app"));
    }

    /// <summary>ListTagsForResource that answers <paramref name="tags"/> once the test lets it.</summary>
    private sealed class HeldTagsSsm(IReadOnlyDictionary<string, string> tags) : ISsm
    {
        public TaskCompletionSource ReadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads { get; private set; }

        public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string executionId, CancellationToken cancellationToken)
        {
            Reads++;
            ReadStarted.TrySetResult();
            await Answer.Task.WaitAsync(cancellationToken);
            return tags;
        }

        public Task<string> StartAutomationExecutionAsync(StartAutomationRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AutomationExecutionSummary>> DescribeAutomationExecutionsAsync(string documentName, IReadOnlyCollection<string> statuses, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AutomationExecutionPage> DescribeAutomationExecutionsPageAsync(string documentName, IReadOnlyCollection<string> statuses, string? nextToken, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AutomationExecution> GetAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AddTagsAsync(string executionId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SendAutomationSignalAsync(string executionId, string signalType, string comment, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task StopAutomationExecutionAsync(string executionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> DescribeDocumentAsync(string name, string version, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
