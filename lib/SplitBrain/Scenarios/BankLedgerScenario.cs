namespace SplitBrain;

/// <summary>
/// bank-ledger: three bank servers; A leads. At 1 s a partition cuts A (and client-1) off from B and C,
/// which elect a new leader. At 2 s each client withdraws $60 from the $100 account on its own side.
/// Without fencing both leaders pay: $120 leaves a $100 account. With fencing the new leader takes over
/// at the store with its higher token, and the store refuses the old leader's write.
/// </summary>
public sealed class BankLedgerScenario : Scenario
{
    /// <inheritdoc />
    public override string Name => "bank-ledger";

    /// <inheritdoc />
    public override string Summary => "leader cut off, both sides take a $60 withdrawal from $100: $120 paid out without fencing";

    /// <inheritdoc />
    public override string Teaches => "no-overdraft";

    /// <inheritdoc />
    public override string Protection => "servers stamp writes with their term; the store refuses lower tokens; a new leader first reads the balance at the store with its token";

    /// <inheritdoc />
    public override IReadOnlyList<string> Checks => ["no-overdraft", "no-lost-ack", "one-leader-per-term", "no-stale-write"];

    /// <inheritdoc />
    public override TimeSpan Duration => TimeSpan.FromSeconds(8);

    /// <inheritdoc />
    public override bool HasElections => true;

    /// <inheritdoc />
    public override ExploreBounds Bounds => base.Bounds with { SharedNodes = [BankStory.StoreName] };

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => Story(options).Script;

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options) => Story(options).Build(simulation);

    private static BankStory Story(ScenarioOptions options) =>
        new BankStory
        {
            Servers = ["A", "B", "C"],
            Partition = "A,client-1 | B,C,client-2",
            Withdrawals =
            [
                new("client-1", "w1", 60, TimeSpan.FromSeconds(2), ["A", "B", "C"]),
                new("client-2", "w2", 60, TimeSpan.FromSeconds(2), ["B", "C", "A"]),
            ],
            Quorum = QuorumFor(options, 3),
            Mode = options.Fencing ? LedgerWriteMode.FencedTakeover : LedgerWriteMode.BlindUnfenced,
            Guarded = options.Fencing,
        };

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<string, long> figures) =>
        BankStory.AddFigures(facts, figures);
}
