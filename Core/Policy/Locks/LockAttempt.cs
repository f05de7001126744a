namespace SocketDeployer.Core.Policy.Locks;

/// <summary>What trying to take a service's lock came to.</summary>
public abstract record LockAttempt
{
    private LockAttempt()
    {
    }

    /// <summary>The caller holds the lock now (free, or taken over from <paramref name="Replaced"/>, whose release had ended or never started).</summary>
    public sealed record Acquired(LockHolder Holder, LockHolder? Replaced = null) : LockAttempt;

    /// <summary>This very request (same Slack event) already holds it: a redelivery, or a retry after a lost answer.
    /// Unless an execution is recorded (or it is a manual lock), <paramref name="Holder"/> is this delivery's own
    /// hold, taken over from the earlier delivery by compare-and-set.</summary>
    /// <param name="Shared">Taken over from a delivery still within StartGrace, which may yet start the execution (the
    /// same ClientToken): a failed start of this one must then keep the lock, or a third request could start beside it.</param>
    public sealed record AlreadyOurs(LockHolder Holder, bool Shared = false) : LockAttempt;

    /// <summary>Someone else holds it: a running release or a manual lock.</summary>
    public sealed record Held(LockHolder Holder) : LockAttempt;

    /// <summary>The lock changed hands on every try: the caller should ask again in a moment.</summary>
    public sealed record Busy : LockAttempt;
}
