namespace SplitBrain;

/// <summary>
/// fenced-blind-write: the store checks tokens, yet the bank still overdraws. The old leader A withdraws
/// $60 at 2 s with token 1, and the store, which has not heard of term 2 yet, accepts. At 2.5 s the new
/// leader, still believing the $100 it saw as a follower, writes "balance $40" with token 2: higher, so
/// accepted. $120 paid. The fix is a conditional write: "take $60 if the balance covers it", checked and
/// done at the store together with the token.
/// </summary>
public sealed class FencedBlindWriteScenario : Scenario
{
    /// <inheritdoc />
    public override string Name => "fenced-blind-write";

    /// <inheritdoc />
    public override string Summary => "the store checks tokens, but a new leader writes a balance it read earlier: fencing alone still overdraws";

    /// <inheritdoc />
    public override string Teaches => "no-overdraft";

    /// <inheritdoc />
    public override string Protection => "off: token check with blind writes; on: token check and a conditional write at the store";

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
                new("client-2", "w2", 60, TimeSpan.FromSeconds(2.5), ["B", "C", "A"]),
            ],
            Quorum = QuorumFor(options, 3),
            Mode = options.Fencing ? LedgerWriteMode.ConditionalFenced : LedgerWriteMode.BlindFenced,
            Guarded = true,
        };

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<string, long> figures) =>
        BankStory.AddFigures(facts, figures);
}
