// Mistake: the holder keeps its first lease and ignores a renewal, so it stops acting while its new lease is still safe
// Caught by: a renewed lease
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 4, as a learner might write it (see the Mistake line above).</summary>
public sealed class LeaseHolder
{
    private readonly TimeProvider clock;
    private FencingToken? token;
    private DateTimeOffset safeUntil;

    /// <summary>Makes a holder that reads <paramref name="clock"/>, for leases of <paramref name="ttl"/>.</summary>
    /// <param name="clock">This node's own clock.</param>
    /// <param name="ttl">The lease's time to live, as the lock service grants it; more than zero.</param>
    /// <param name="maxClockSkew">The most any two clocks in the system disagree; zero or more, less than half the TTL.</param>
    public LeaseHolder(TimeProvider clock, TimeSpan ttl, TimeSpan maxClockSkew)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease lives for more than zero time.");
        }

        if (maxClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxClockSkew), maxClockSkew, "A clock skew is zero or more.");
        }

        if (ttl - 2 * maxClockSkew <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxClockSkew), maxClockSkew, $"With this skew a {ttl.TotalSeconds} s lease leaves no safe use time: the skew must be less than half the TTL.");
        }

        this.clock = clock;
        SafeUseTime = ttl - 2 * maxClockSkew;
    }

    /// <summary>How long after sending its request the holder may act: TTL − 2 × max skew.</summary>
    public TimeSpan SafeUseTime { get; }

    /// <summary>Records a granted lease.</summary>
    /// <param name="token">The fencing token that came with the grant.</param>
    /// <param name="requestedAt">The local time at which the request for this lease was sent.</param>
    public void OnGranted(FencingToken token, DateTimeOffset requestedAt)
    {
        if (this.token is null)
        {
            this.token = token;
            safeUntil = requestedAt + SafeUseTime;
        }
    }

    /// <summary>The lease's token while it is still safe to act on it now; null if there is no lease or it is too late.</summary>
    public FencingToken? TokenIfSafe() => token is not null && clock.GetUtcNow() < safeUntil ? token : null;

    /// <summary>Runs <paramref name="prepare"/> and then <paramref name="commit"/> while the lease stays safe.</summary>
    /// <param name="prepare">Work that may take long (or be paused): reading, computing.</param>
    /// <param name="commit">The action that must happen under a valid lease: the write.</param>
    /// <returns>True if <paramref name="commit"/> ran.</returns>
    public bool TryAct(Action<FencingToken> prepare, Action<FencingToken> commit)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(commit);
        if (TokenIfSafe() is not { } before)
        {
            return false;
        }

        prepare(before);
        if (TokenIfSafe() != before)
        {
            return false;
        }

        commit(before);
        return true;
    }
}
