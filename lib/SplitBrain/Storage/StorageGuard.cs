namespace SplitBrain;

/// <summary>
/// The check a store makes before it accepts a write. The guard is where safety lives: a leader can be
/// wrong about being leader, but the store sees every write and can refuse the stale ones.
/// </summary>
public abstract class StorageGuard
{
    /// <summary>A short name for the trace and the story: <c>none</c>, <c>fencing token</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Decides about one write and, if it is admitted, remembers its token, in one step.
    /// Check and remember must not be separated: a check-then-write lets a stale write slip in between.
    /// </summary>
    /// <param name="token">The token the write carries, if any.</param>
    /// <param name="reason">Why the write was refused, or how it was admitted.</param>
    /// <returns>Whether the write may go ahead.</returns>
    public abstract bool TryAdmit(FencingToken? token, out string reason);

    /// <summary>No guard: every write goes through. The bug the course starts from.</summary>
    public static StorageGuard None() => new NoGuard();

    /// <summary>A fencing-token guard that keeps the highest token with the data, in <paramref name="disk"/>.</summary>
    /// <param name="disk">The store's durable state.</param>
    public static StorageGuard Fencing(DurableState disk) => new FencingTokenGuard(disk);

    /// <summary>A fencing-token guard that keeps the highest token in memory only, and so forgets it on a restart.</summary>
    public static StorageGuard Forgetful() => new ForgetfulGuard();

    /// <summary>A guard that believes any writer who says it holds a lease, and checks nothing else.</summary>
    public static StorageGuard LeaseTrusting() => new LeaseTrustingGuard();

    /// <summary>
    /// Your own token check as the guard: the store asks <paramref name="tryAccept"/> about every write that
    /// carries a token. With the store's <paramref name="disk"/>, the highest token is kept there across restarts
    /// and handed back to your fresh check (see <see cref="TokenCheckGuard"/>).
    /// </summary>
    /// <param name="name">What the trace calls the guard: <c>your FencingGuard</c>.</param>
    /// <param name="tryAccept">Your rule, such as <c>new FencingGuard().TryAccept</c>: true to accept a write with this token.</param>
    /// <param name="disk">The store's durable state; null to keep nothing across restarts.</param>
    /// <param name="highest">What your rule remembers as the highest token, to keep on the disk; null for the highest token admitted.</param>
    public static StorageGuard FromCheck(string name, Func<FencingToken, bool> tryAccept, DurableState? disk = null, Func<FencingToken?>? highest = null) =>
        new TokenCheckGuard(name, tryAccept, disk, highest);
}
