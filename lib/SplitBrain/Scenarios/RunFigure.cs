namespace SplitBrain;

/// <summary>
/// One number a run reports, like the money paid out or the jobs run twice. Each figure has one name, used in
/// <c>course run --json</c>, on the summary cards and in the lessons; ask a result for it with
/// <c>result.Figures[RunFigure.PaidOut]</c>.
/// </summary>
/// <param name="Name">The name in reports and in JSON, like <c>paidOut</c>.</param>
/// <param name="Meaning">What the number counts, in a few words.</param>
public sealed record RunFigure(string Name, string Meaning)
{
    /// <summary>Dollars in the account before the first withdrawal (every bank story).</summary>
    public static readonly RunFigure InitialBalance = new("initialBalance", "dollars in the account at the start");

    /// <summary>Dollars handed to clients whose withdrawal was acknowledged (every bank story).</summary>
    public static readonly RunFigure PaidOut = new("paidOut", "dollars paid out on acknowledged withdrawals");

    /// <summary>Withdrawals that a server acknowledged (every bank story).</summary>
    public static readonly RunFigure WithdrawalsPaid = new("withdrawalsPaid", "withdrawals acknowledged to a client");

    /// <summary>The balance the store's ledger holds at the end (every bank story that keeps a ledger).</summary>
    public static readonly RunFigure FinalBalance = new("finalBalance", "dollars in the stored ledger at the end");

    /// <summary>The votes a leader needs (the quorum scenarios).</summary>
    public static readonly RunFigure Quorum = new("quorum", "votes a leader needs");

    /// <summary>How many sides of the partition hold a quorum (the quorum scenarios).</summary>
    public static readonly RunFigure SidesThatCanAct = new("sidesThatCanAct", "sides of the partition that hold a quorum");

    /// <summary>Writes accepted from servers on a side without a quorum, after the split (the quorum scenarios).</summary>
    public static readonly RunFigure WritesFromSidesWithoutQuorum = new("writesFromSidesWithoutQuorum", "writes accepted from a side without a quorum");

    /// <summary>Leases the lease service granted (the lease scenarios).</summary>
    public static readonly RunFigure LeaseGrants = new("leaseGrants", "leases granted");

    /// <summary>Writes the store or a worker accepted from a holder that had already been superseded (every count, not only the first).</summary>
    public static readonly RunFigure StaleWritesAccepted = new("staleWritesAccepted", "writes accepted from a superseded holder");

    /// <summary>The lease's time to live, whole seconds (clock-skew-lease).</summary>
    public static readonly RunFigure LeaseTtlSeconds = new("leaseTtlSeconds", "lease time to live, seconds");

    /// <summary>The largest clock skew the margin allows for, whole seconds (clock-skew-lease).</summary>
    public static readonly RunFigure MaxSkewSeconds = new("maxSkewSeconds", "largest clock skew allowed for, seconds");

    /// <summary>How long a holder may use its lease: time to live minus twice the skew, whole seconds (clock-skew-lease).</summary>
    public static readonly RunFigure UsableLeaseSeconds = new("usableLeaseSeconds", "seconds a holder may use its lease");

    /// <summary>Jobs in the batch (gc-pause).</summary>
    public static readonly RunFigure Jobs = new("jobs", "jobs in the batch");

    /// <summary>Job runs the workers accepted, repeats included (gc-pause).</summary>
    public static readonly RunFigure JobRuns = new("jobRuns", "job runs accepted");

    /// <summary>Jobs that ran more than once (gc-pause).</summary>
    public static readonly RunFigure JobsRunTwice = new("jobsRunTwice", "jobs that ran more than once");

    /// <summary>How long the stop-the-world pause lasts, whole seconds (gc-pause).</summary>
    public static readonly RunFigure PauseSeconds = new("pauseSeconds", "length of the pause, seconds");

    /// <summary>Whether the replica was promoted, 1 or 0 (stonith).</summary>
    public static readonly RunFigure Promoted = new("promoted", "1 if the replica was promoted");

    /// <summary>Whether the controller refused to promote, 1 or 0 (stonith).</summary>
    public static readonly RunFigure PromotionRefused = new("promotionRefused", "1 if the controller refused to promote");

    /// <summary>Operations the register's clients invoked (replicated-register).</summary>
    public static readonly RunFigure Operations = new("operations", "operations the clients invoked");

    /// <summary>Operations that completed with an answer (replicated-register).</summary>
    public static readonly RunFigure Ok = new("ok", "operations answered");

    /// <summary>Operations that definitely failed (replicated-register).</summary>
    public static readonly RunFigure Failed = new("failed", "operations that definitely failed");

    /// <summary>Operations whose outcome the client never learned (replicated-register).</summary>
    public static readonly RunFigure Indeterminate = new("indeterminate", "operations with an unknown outcome");

    /// <summary>Every figure a scenario may report, ordered by name.</summary>
    public static IReadOnlyList<RunFigure> All { get; } =
        new[]
        {
            InitialBalance, PaidOut, WithdrawalsPaid, FinalBalance, Quorum, SidesThatCanAct, WritesFromSidesWithoutQuorum,
            LeaseGrants, StaleWritesAccepted, LeaseTtlSeconds, MaxSkewSeconds, UsableLeaseSeconds,
            Jobs, JobRuns, JobsRunTwice, PauseSeconds, Promoted, PromotionRefused, Operations, Ok, Failed, Indeterminate,
        }.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Orders figures by name, as reports list them.</summary>
    public static IComparer<RunFigure> ByName { get; } = Comparer<RunFigure>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name));

    /// <summary>The name, as in reports.</summary>
    public override string ToString() => Name;
}
