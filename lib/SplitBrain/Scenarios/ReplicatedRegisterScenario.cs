namespace SplitBrain;

/// <summary>
/// replicated-register: three servers A, B, C in front of one register store; A leads. Three clients read,
/// write and compare-and-set through whichever server they believe leads, and record what they were told. At 1 s a
/// partition cuts A (and client-1) off from B and C, which elect a new leader. Without fencing, A still answers
/// client-1's reads from the value it last saw: with seed 1, client-1 reads 2 after the register was set to 3 by a cas that had finished, and no
/// single copy explains that (a stale read). With fencing every command is done at the store with the leader's term,
/// A's commands are refused once B has used its higher term, and the history is always linearizable.
/// </summary>
public sealed class ReplicatedRegisterScenario : Scenario
{
    /// <summary>The name of the store node.</summary>
    public const string StoreName = "register";

    /// <inheritdoc />
    public override string Name => "replicated-register";

    /// <inheritdoc />
    public override string Summary => "clients read, write and cas through the leader; a deposed leader serves a stale read without fencing";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.Linearizable;

    /// <inheritdoc />
    public override string Protection => "every command is done at the store with the leader's term as a fencing token; no reads from a server's memory";

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.Linearizable, Checkers.OneLeaderPerTerm];

    /// <inheritdoc />
    public override TimeSpan Duration => TimeSpan.FromSeconds(6);

    /// <inheritdoc />
    public override bool HasElections => true;

    /// <inheritdoc />
    public override bool KeepsHistory => true;

    /// <inheritdoc />
    public override ExploreBounds Bounds => base.Bounds with { SharedNodes = [StoreName] };

    /// <summary>What each client does, and when: client-1 sits with A, the others with B and C.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PlannedCommand>> Plans { get; } = new Dictionary<string, IReadOnlyList<PlannedCommand>>
    {
        ["client-1"] =
        [
            new(TimeSpan.FromSeconds(0.3), RegisterCommand.Write(1)),
            new(TimeSpan.FromSeconds(0.6), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(2.4), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(2.8), RegisterCommand.Cas(1, 4)),
            new(TimeSpan.FromSeconds(3.4), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(4.2), RegisterCommand.Read()),
        ],
        ["client-2"] =
        [
            new(TimeSpan.FromSeconds(0.45), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(1.9), RegisterCommand.Write(2)),
            new(TimeSpan.FromSeconds(2.2), RegisterCommand.Cas(2, 3)),
            new(TimeSpan.FromSeconds(2.6), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(3.6), RegisterCommand.Write(5)),
            new(TimeSpan.FromSeconds(4.4), RegisterCommand.Read()),
        ],
        ["client-3"] =
        [
            new(TimeSpan.FromSeconds(0.8), RegisterCommand.Cas(1, 2)),
            new(TimeSpan.FromSeconds(2.0), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(3.0), RegisterCommand.Write(6)),
            new(TimeSpan.FromSeconds(3.9), RegisterCommand.Read()),
            new(TimeSpan.FromSeconds(4.8), RegisterCommand.Cas(6, 7)),
        ],
    };

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) =>
        [new(TimeSpan.FromSeconds(1), new PartitionFault("A,client-1 | B,C,client-2,client-3"))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        string[] servers = ["A", "B", "C"];
        var settings = new ElectionSettings { Quorum = QuorumFor(options, servers.Length) };
        bool fenced = options.Fencing;
        var history = new HistoryRecorder();
        simulation.AddNode(StoreName, () => new RegisterStore());
        for (int i = 0; i < servers.Length; i++)
        {
            var mine = i == 0 ? settings with { FirstTimeout = TimeSpan.FromMilliseconds(50) } : settings;
            simulation.AddNode(servers[i], () => new RegisterServer(mine, servers, StoreName, fenced));
        }

        string[][] knows = [["A", "B", "C"], ["B", "C", "A"], ["C", "B", "A"]];
        int k = 0;
        foreach (var (client, plan) in Plans)
        {
            string[] order = knows[k++];
            simulation.AddNode(client, () => new RegisterClient(plan, order, history));
        }

        return finished => new RunFacts(finished.Trace) { History = history.ToHistory() };
    }

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
        var operations = facts.History?.Operations ?? [];
        figures[RunFigure.Operations] = operations.Count;
        figures[RunFigure.Ok] = operations.Count(o => o.Outcome == OperationOutcome.Ok);
        figures[RunFigure.Failed] = operations.Count(o => o.Outcome == OperationOutcome.Fail);
        figures[RunFigure.Indeterminate] = operations.Count(o => o.Outcome == OperationOutcome.Info);
    }
}
