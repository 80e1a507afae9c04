namespace SplitBrain;

/// <summary>
/// The quorum scenarios: a bank cluster of some size split into sides, each side with a client that wants
/// $60. Leaders step down when they lose their quorum. With a majority quorum at most one side can elect
/// and write; with a smaller quorum several can, and both pay.
/// </summary>
public abstract class QuorumScenario : Scenario
{
    /// <summary>The bank servers; the first one leads before the split.</summary>
    protected abstract IReadOnlyList<string> Servers { get; }

    /// <summary>The sides of the split, servers only; each side gets one client.</summary>
    protected abstract IReadOnlyList<IReadOnlyList<string>> Sides { get; }

    /// <summary>A quorum smaller than a majority, which lets more than one side act.</summary>
    protected abstract int UnsafeQuorum { get; }

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.OneLeaderAtATime;

    /// <inheritdoc />
    public override string Protection => "a majority quorum (the unsafe setting is --quorum below a majority); fencing on adds tokens at the store";

    /// <inheritdoc />
    public override bool KeepsHistory => true;

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.OneLeaderAtATime, Checkers.OneLeaderPerTerm, Checkers.NoOverdraft, Checkers.NoLostAck];

    /// <inheritdoc />
    public override TimeSpan Duration => TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public override bool HasElections => true;

    /// <summary>
    /// Partitions, cuts and crashes only. Leaders that step down on losing their quorum rely on clocks that
    /// run at the same rate and on never being frozen; pauses and skew break that, as the lease scenarios show.
    /// </summary>
    public override ExploreBounds Bounds => new() { Horizon = Duration * 0.75, MaxPause = TimeSpan.Zero, ClockFaults = false, SharedNodes = [BankStory.StoreName] };

    /// <inheritdoc />
    public override ScenarioOptions UnsafeSettings => new() { Quorum = UnsafeQuorum };

    /// <inheritdoc />
    public override ScenarioOptions SafeSettings => new();

    /// <summary>When the split starts.</summary>
    public static readonly TimeSpan SplitAt = TimeSpan.FromSeconds(1);

    /// <summary>The servers on the sides that cannot reach the quorum of <paramref name="options"/>.</summary>
    /// <param name="options">The run's options.</param>
    public IReadOnlyList<string> ServersWithoutQuorum(ScenarioOptions options)
    {
        var quorum = QuorumFor(options, Servers.Count);
        return Sides.Where(side => !quorum.CanAct(side.Count)).SelectMany(side => side).ToArray();
    }

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => Story(options).Script;

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options) => Story(options).Build(simulation);

    private BankStory Story(ScenarioOptions options)
    {
        var withdrawals = new List<PlannedWithdrawal>();
        var groups = new List<string>();
        for (int i = 0; i < Sides.Count; i++)
        {
            string client = $"client-{i + 1}";
            withdrawals.Add(new(client, $"w{i + 1}", 60, TimeSpan.FromSeconds(2), Sides[i]));
            groups.Add(string.Join(",", Sides[i].Append(client)));
        }

        return new BankStory
        {
            Servers = Servers,
            Partition = string.Join(" | ", groups),
            PartitionAt = SplitAt,
            Withdrawals = withdrawals,
            Quorum = QuorumFor(options, Servers.Count),
            CheckQuorum = true,
            Mode = options.Fencing ? LedgerWriteMode.FencedTakeover : LedgerWriteMode.ReadOnElectionUnfenced,
            Guarded = options.Fencing,
        };
    }

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
        BankStory.AddFigures(facts, figures);
        int quorum = QuorumFor(options, Servers.Count).Size;
        figures[RunFigure.Quorum] = quorum;
        var sidesThatCanAct = Sides.Count(side => side.Count >= quorum);
        figures[RunFigure.SidesThatCanAct] = sidesThatCanAct;
        var cutOff = Sides.Where(side => side.Count < quorum).SelectMany(side => side).ToHashSet();
        figures[RunFigure.WritesFromSidesWithoutQuorum] = facts.Trace.Protocol.Count(e =>
            e.Kind == TraceKind.WriteAccepted && e.Time >= SplitAt && e.Peer is { } writer && cutOff.Contains(writer.Name));
    }
}
