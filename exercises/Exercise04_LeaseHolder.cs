namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 4: a lease holder that stops in time.</b> Lesson: leases, clocks and pauses.</para>
/// <para><b>Task.</b> The client side of a lease. It says when it is still safe to act as the lease holder, and
/// runs a piece of work so that a pause in the middle (a 40 s GC pause) cannot make it commit on an expired lease.</para>
/// <para><b>Rules from the lesson.</b> The lock service judges expiry on its own clock, and the two clocks may
/// disagree by up to the maximum skew either way. So the holder uses the lease for at most
/// <c>TTL − 2 × max skew</c> (the safe use time), counted from when it <i>sent</i> the request (the grant can only
/// come later), on its own clock. A TTL of zero or less, a negative skew, or a skew that leaves no safe use time
/// are mistakes: throw <see cref="ArgumentOutOfRangeException"/> naming the parameter. Any pause can happen
/// between a check and the work it allowed: check again right before committing.</para>
/// <para><b>Hint.</b> Keep the token and the moment the request was sent; compare the clock's
/// <see cref="TimeProvider.GetUtcNow"/> against that moment plus the safe use time, and do it twice in <see cref="TryAct"/>.</para>
/// </summary>
public sealed class LeaseHolder
{
    /// <summary>Makes a holder that reads <paramref name="clock"/>, for leases of <paramref name="ttl"/>.</summary>
    /// <param name="clock">This node's own clock.</param>
    /// <param name="ttl">The lease's time to live, as the lock service grants it; more than zero.</param>
    /// <param name="maxClockSkew">The most any two clocks in the system disagree; zero or more, less than half the TTL.</param>
    public LeaseHolder(TimeProvider clock, TimeSpan ttl, TimeSpan maxClockSkew) => throw new NotImplementedException();

    /// <summary>How long after sending its request the holder may act: TTL − 2 × max skew.</summary>
    public TimeSpan SafeUseTime => throw new NotImplementedException();

    /// <summary>Records a granted lease.</summary>
    /// <param name="token">The fencing token that came with the grant.</param>
    /// <param name="requestedAt">The local time at which the request for this lease was sent.</param>
    public void OnGranted(FencingToken token, DateTimeOffset requestedAt) => throw new NotImplementedException();

    /// <summary>The lease's token while it is still safe to act on it now; null if there is no lease or it is too late.</summary>
    public FencingToken? TokenIfSafe() => throw new NotImplementedException();

    /// <summary>
    /// Runs <paramref name="prepare"/> and then <paramref name="commit"/> with the lease's token, but only if the
    /// lease is safe before <paramref name="prepare"/> and still safe after it.
    /// </summary>
    /// <param name="prepare">Work that may take long (or be paused): reading, computing.</param>
    /// <param name="commit">The action that must happen under a valid lease: the write.</param>
    /// <returns>True if <paramref name="commit"/> ran.</returns>
    public bool TryAct(Action<FencingToken> prepare, Action<FencingToken> commit) => throw new NotImplementedException();
}
