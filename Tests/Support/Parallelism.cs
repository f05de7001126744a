// Most of the suite's wall time is spent waiting (loopback Slack and AWS, child processes, visibility timeouts),
// not computing: fixtures run side by side, each against its own Sandbox, with more workers than the two cores.
// A fixture that shares process state (environment variables, the console) says [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(6)]
