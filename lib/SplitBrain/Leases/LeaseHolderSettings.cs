namespace SplitBrain;

/// <summary>How a <see cref="LeaseHolder"/> gets, keeps and trusts its lease. Every timing is named here.</summary>
public sealed record LeaseHolderSettings
{
    /// <summary>The lock service's node name.</summary>
    public required string Service { get; init; }

    /// <summary>The resource the lease is for.</summary>
    public string Resource { get; init; } = "leader";

    /// <summary>When to ask for the lease first, on the holder's clock.</summary>
    public TimeSpan AcquireAt { get; init; }

    /// <summary>How long to wait before asking again after a refusal. Default 1 s.</summary>
    public TimeSpan RetryEvery { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often to renew; null never renews. Default 3 s (for a 10 s lease).</summary>
    public TimeSpan? RenewEvery { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the holder checks its lease and, if it holds, does a piece of work. Default 500 ms.</summary>
    public TimeSpan WorkEvery { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The time between checking the lease and sending the work (building a batch, a query plan).
    /// A pause that lands in this gap sends the work late, unchecked. Default 200 ms.
    /// </summary>
    public TimeSpan PrepareTime { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How much earlier than the lease's expiry the holder stops, on its own clock. Safe is at least
    /// 2 × the largest clock skew between holder and service. Default 0: trust the clocks.
    /// </summary>
    public TimeSpan SafetyMargin { get; init; }

    /// <summary>Whether the holder checks the expiry at all. A naive primary does not: it acts until told otherwise.</summary>
    public bool ChecksExpiry { get; init; } = true;

    /// <summary>
    /// Whether the holder makes its token from its own wall clock (milliseconds since the clock's epoch) instead of using the
    /// service's counter: the timestamp-token mistake.
    /// </summary>
    public bool TokenFromOwnClock { get; init; }
}
