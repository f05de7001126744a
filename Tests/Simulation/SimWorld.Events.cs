using SocketDeployer.Core.Policy.Locks;

namespace SocketDeployer.Tests.Simulation;

/// <summary>What can happen besides the code's own steps, and how likely it is next (weights against 1 per step).</summary>
internal sealed partial class SimWorld
{
    private void AddWorldEvents()
    {
        foreach (var request in RequestList.Where(r => r.Copies > 0))
        {
            foreach (var instance in instances)
            {
                choices.Add((0.3, () => DeliverMention(request, instance)));
            }
        }

        foreach (var message in queue.Where(m => m.Copies > 0))
        {
            foreach (var instance in instances)
            {
                choices.Add((0.3, () => DeliverEnd(message, instance)));
            }
        }

        if (probing)
        {
            return;
        }

        foreach (var execution in Cloud.Executions.Where(e => e.Running))
        {
            choices.Add((0.15, () => End(execution, "Success", 1 + (random.Next(4) == 0 ? 1 : 0))));
            choices.Add((0.05, () => End(execution, "Failed", 1)));
            choices.Add((0.03, () => End(execution, "Cancelled", 0))); // its event never reaches the queue
        }

        if (crashes > 0)
        {
            for (var i = 0; i < instances.Count; i++)
            {
                var index = i;
                choices.Add((0.03, () => Crash(index)));
            }
        }

        var handling = instances.Any(i => i.Handling > 0);
        if (handling && stretch < SmallBudget)
        {
            choices.Add((0.05, () => Advance(TimeSpan.FromSeconds(1))));
        }

        if (!handling && longWaits > 0)
        {
            choices.Add((0.1, LongWait));
        }
    }

    private void DeliverMention(SimRequest request, SimInstance instance)
    {
        request.Copies--;
        request.Delivered++;
        Trace.Add($"slack delivers {request} to {instance.Name}{(request.Delivered > 1 ? " again" : "")}");
        instance.Deliver(request, () => request.Finished++);
    }

    private void DeliverEnd(SimQueueMessage message, SimInstance instance)
    {
        message.Copies--;
        message.InFlight.Add(instance);
        Trace.Add($"sqs delivers end of {message.Execution.Id} to {instance.Name}");
        instance.Deliver(message.Execution, () => message.InFlight.Remove(instance));
    }

    private void End(SimExecution execution, string status, int copies)
    {
        execution.Status = status;
        Trace.Add($"ssm: {execution.Id} ends {status}{(copies == 0 ? ", its event lost" : copies > 1 ? ", its event sent twice" : "")}");
        queue.Add(new SimQueueMessage(execution, copies));
    }

    private void Crash(int index)
    {
        crashes--;
        Crashed++;
        var dead = instances[index];
        dead.Crash();
        var dropped = scheduler.Drop(dead);
        foreach (var message in queue.Where(m => m.InFlight.Remove(dead)))
        {
            message.Copies++; // not deleted: visible again after its visibility timeout
        }

        var life = int.Parse(dead.Name[1..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        instances[index] = NewInstance(dead.Letter, life);
        Trace.Add($"{dead.Name} crashes ({dropped} steps lost); {instances[index].Name} starts");
    }

    private void LongWait()
    {
        longWaits--;
        stretch = TimeSpan.Zero;
        var by = StaleLockCheck.StartGrace + TimeSpan.FromSeconds(random.Next(1, 240));
        Trace.Add($"clock +{by.TotalSeconds} s (nothing being handled)");
        time.Advance(by);
    }
}
