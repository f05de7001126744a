using SocketDeployer.Core.Flow;

namespace SocketDeployer.Tests.Simulation;

/// <summary>One deployer's <c>deploy app …</c> mention, and what became of each delivery of it.</summary>
internal sealed class SimRequest(int number, string user, int copies)
{
    public string EventId { get; } = $"Ev{number}";

    public string Version { get; } = $"r-{number}.0.0";

    public MentionEvent Mention { get; } = new("T0SIM", $"Ev{number}", "C0DEPLOY", user, $"<@U0BOT> deploy app r-{number}.0.0",
        $"1000.{number:D6}", null, FromBot: false, IsEdit: false);

    /// <summary>Deliveries still to come: the first, then Slack's retries (possibly to the other instance).</summary>
    public int Copies { get; set; } = copies;

    public int Delivered { get; set; }

    /// <summary>Deliveries whose handling ran to its end (its instance did not crash meanwhile).</summary>
    public int Finished { get; set; }

    public override string ToString() => $"{EventId} ({Mention.User})";
}

/// <summary>An execution's terminal status change on the SQS queue (at least once: a crash mid-handling redelivers it).</summary>
internal sealed class SimQueueMessage(SimExecution execution, int copies)
{
    public SimExecution Execution { get; } = execution;

    public int Copies { get; set; } = copies;

    /// <summary>The instances handling a copy now; one that crashes makes its copy visible again.</summary>
    public List<SimInstance> InFlight { get; } = [];
}
