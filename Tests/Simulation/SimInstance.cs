using SocketDeployer.Core.Flow.Changes;
using SocketDeployer.Core.Flow.History;
using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Aws.Events;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Commands;
using SocketDeployer.Core.Flow;
using SocketDeployer.Core.Flow.Releases;
using SocketDeployer.Core.Policy;
using SocketDeployer.Core.Policy.Freezes;
using SocketDeployer.Core.Policy.Locks;
using Microsoft.Extensions.Time.Testing;

namespace SocketDeployer.Tests.Simulation;

/// <summary>
/// One life of one daemon process: the real DeployRequest, DeployLock (with its process-local KeyedLock) and
/// LockReleaser over this life's clients. A crash ends the life; the restarted process is a new SimInstance.
/// </summary>
internal sealed class SimInstance
{
    private readonly SimScheduler scheduler;
    private readonly SimTrace trace;
    private readonly DeployRequest deploy;
    private readonly LockReleaser releaser;
    private readonly SimSlack slack;
    private readonly SimAudit audit;

    public SimInstance(char letter, int life, SimScheduler scheduler, SimCloud cloud, ServiceCatalog catalog, FakeTimeProvider time, SimTrace trace)
    {
        Letter = letter;
        Name = $"{letter}{life}";
        this.scheduler = scheduler;
        this.trace = trace;
        Context = new SimContext(scheduler, this);
        var ssm = new SimSsm(scheduler, cloud, this);
        slack = new SimSlack(scheduler, cloud, this);
        audit = new SimAudit(scheduler, this);
        var deployLock = new DeployLock(ssm, new SimLockStore(scheduler, cloud, this), time, new SimLogger<DeployLock>(trace, Name));
        var starter = new DeployStarter(ssm, slack, deployLock, new ExecutionLinks("eu-west-1"), time, new SimLogger<DeployStarter>(trace, Name));
        deploy = new DeployRequest(catalog, new DeployPolicy(catalog, new PeopleDirectory(slack)), new FreezeCalendar([], time),
            new ChangeReader(catalog, new ReleaseHistory(ssm, new ReleaseDirectory(ssm))), starter, new SimLogger<DeployRequest>(trace, Name));
        releaser = new LockReleaser(new ReleaseDirectory(ssm), deployLock);
    }

    public char Letter { get; }

    public string Name { get; }

    public SimContext Context { get; }

    public bool Alive { get; private set; } = true;

    /// <summary>Deploy requests this life is handling now.</summary>
    public int Handling { get; private set; }

    /// <summary>The process dies: nothing of it resumes, its KeyedLock and caches are gone.</summary>
    public void Crash()
    {
        Alive = false;
        Handling = 0;
    }

    /// <summary>A Socket Mode delivery of the request's mention; <paramref name="done"/> runs when its handling ends.</summary>
    public void Deliver(SimRequest request, Action done)
    {
        Handling++;
        scheduler.Post(this, $"deliver {request.EventId}", async () =>
        {
            var reply = new ReplyContext(slack, audit, request.Mention, $"deploy app {request.Version}");
            try
            {
                await deploy.HandleAsync(reply, new DeployCommand("app", request.Version), "usage", CancellationToken.None);
            }
            catch (Exception e) when (e is not SimViolationException)
            {
                throw new SimViolationException($"{Name}: handling {request.EventId} threw {e}");
            }

            Handling--;
            trace.Add($"{Name} handled {request.EventId}");
            done();
        });
    }

    /// <summary>An SQS delivery of an execution's terminal status change; <paramref name="done"/> runs when handled (deleted).</summary>
    public void Deliver(SimExecution execution, Action done)
    {
        var ended = new ExecutionStatusChanged(execution.Id, execution.Document, "1", execution.Status, execution.Started, null, $"ev-{execution.Id}", execution.Started);
        scheduler.Post(this, $"deliver end of {execution.Id}", async () =>
        {
            try
            {
                await releaser.OnEventAsync(ended, CancellationToken.None);
            }
            catch (Exception e) when (e is not SimViolationException)
            {
                throw new SimViolationException($"{Name}: handling the end of {execution.Id} threw {e}");
            }

            trace.Add($"{Name} handled end of {execution.Id}");
            done();
        });
    }
}

/// <summary>The code under test's log lines, into the trace (they say why it took over, refused or stayed silent).</summary>
internal sealed class SimLogger<T>(SimTrace trace, string instance) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => trace.Enabled;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        trace.Add(trace.Enabled ? $"{instance}   log {eventId.Id}: {formatter(state, exception)}" : "");
}
