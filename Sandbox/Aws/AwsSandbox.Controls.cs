namespace SocketDeployer.Sandbox.Aws;

public sealed partial class AwsSandbox
{
    /// <summary>
    /// As <see cref="RunAutomations(string?)"/>, but a person decides through <paramref name="controls"/> how long steps
    /// take and may end any running or waiting step (approvals included) with an outcome of their choice.
    /// </summary>
    public void RunAutomations(string? eventQueueUrl, StepControls controls)
    {
        if (eventQueueUrl is not null)
            _sqs.Queue(eventQueueUrl);
        var runner = new AutomationRunner(_ssm, _sqs, _options, eventQueueUrl, _stopping.Token, controls);
        _runner = runner;
        _ssm.Started = runner.Start;
        _ssm.Changed = runner.Wake;
    }
}
