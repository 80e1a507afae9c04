namespace Course.Exercises.Graded;

/// <summary>
/// The library's bank-ledger scenario (three servers, A cut off at 1 s, two $60 withdrawals from $100) with
/// the learner's guard at the store, so the explorer can throw its random fault schedules at it.
/// </summary>
internal sealed class LearnerBankLedgerScenario : Scenario
{
    private readonly BankLedgerScenario library = new();

    public override string Name => library.Name;

    public override string Summary => library.Summary + " (your guard at the store)";

    public override string Teaches => library.Teaches;

    public override string Protection => "your exercise-2 guard refuses lower tokens at the store";

    public override IReadOnlyList<string> Checks => ["no-overdraft", "no-stale-write"];

    public override TimeSpan Duration => library.Duration;

    public override bool HasElections => true;

    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => library.Script(options);

    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        string[] servers = ["A", "B", "C"];
        var settings = new ElectionSettings { Quorum = QuorumFor(options, 3) };
        simulation.AddNode(BankStory.StoreName, () => new FencedStore(BankStory.OpeningBalance, disk => new LearnerGuard(disk)));
        for (int i = 0; i < servers.Length; i++)
        {
            var mine = i == 0 ? settings with { FirstTimeout = TimeSpan.FromMilliseconds(50) } : settings;
            simulation.AddNode(servers[i], () => new BankServer(mine, servers, BankStory.StoreName, BankStory.OpeningBalance, LedgerWriteMode.FencedTakeover));
        }

        simulation.AddNode("client-1", () => new BankClient("w1", 60, TimeSpan.FromSeconds(2), ["A", "B", "C"]));
        simulation.AddNode("client-2", () => new BankClient("w2", 60, TimeSpan.FromSeconds(2), ["B", "C", "A"]));
        return finished => new RunFacts(finished.Trace, BankStory.OpeningBalance, finished.DurableOf(finished[BankStory.StoreName]).Get<Ledger?>("ledger", null));
    }
}
