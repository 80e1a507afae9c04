namespace SplitBrain;

/// <summary>
/// The cast of bank-ledger and fenced-blind-write: servers A, B and C, A leading term 1; at 1 s a partition
/// cuts A and client-1 off from B, C and client-2; the ledger store stays reachable from both sides; each
/// client then withdraws $60 from the $100 account. The two scenarios differ only in how servers write
/// and when the second withdrawal comes.
/// </summary>
public abstract class ThreeServerBankScenario : Scenario
{
    private readonly Func<DurableState, StorageGuard>? storeGuard;

    /// <summary>Makes the scenario, optionally with a guard of your own at the store.</summary>
    /// <param name="storeGuard">Builds the store's guard from its durable state, replacing the one the fencing setting picks; null for the scenario's own.</param>
    protected ThreeServerBankScenario(Func<DurableState, StorageGuard>? storeGuard) => this.storeGuard = storeGuard;

    /// <inheritdoc />
    public override bool KeepsHistory => true;

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.NoOverdraft, Checkers.NoLostAck, Checkers.OneLeaderPerTerm, Checkers.NoStaleWrite];

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.NoOverdraft;

    /// <inheritdoc />
    public override TimeSpan Duration => TimeSpan.FromSeconds(8);

    /// <inheritdoc />
    public override bool HasElections => true;

    /// <inheritdoc />
    public override ExploreBounds Bounds => base.Bounds with { SharedNodes = [BankStory.StoreName] };

    /// <summary>When client-2, on the majority side, asks for its $60.</summary>
    protected abstract TimeSpan SecondWithdrawalAt { get; }

    /// <summary>How servers write, with the protection off or on.</summary>
    /// <param name="fencing">Whether the protection is on.</param>
    protected abstract LedgerWriteMode ModeFor(bool fencing);

    /// <summary>Whether the store checks tokens, with the protection off or on.</summary>
    /// <param name="fencing">Whether the protection is on.</param>
    protected abstract bool GuardedFor(bool fencing);

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => Story(options).Script;

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options) => Story(options).Build(simulation);

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures) =>
        BankStory.AddFigures(facts, figures);

    private BankStory Story(ScenarioOptions options) =>
        new()
        {
            Servers = ["A", "B", "C"],
            Partition = "A,client-1 | B,C,client-2",
            Withdrawals =
            [
                new("client-1", "w1", 60, TimeSpan.FromSeconds(2), ["A", "B", "C"]),
                new("client-2", "w2", 60, SecondWithdrawalAt, ["B", "C", "A"]),
            ],
            Quorum = QuorumFor(options, 3),
            Mode = ModeFor(options.Fencing),
            Guarded = GuardedFor(options.Fencing),
            Guard = storeGuard,
        };
}
