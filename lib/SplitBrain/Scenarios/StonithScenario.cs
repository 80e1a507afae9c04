namespace SplitBrain;

/// <summary>
/// stonith: primary P writes to shared storage; the controller watches P's heartbeats. At 3 s P loses its
/// link to the controller but not to the storage. Two seconds later the controller fails over. Without
/// STONITH it promotes the standby S at once, and P and S both write. With STONITH it first has the power
/// switch cut P's power, waits for the confirmation, and only then promotes S. If no confirmation comes,
/// it refuses to promote.
/// </summary>
public sealed class StonithScenario : Scenario
{
    /// <inheritdoc />
    public override string Name => "stonith";

    /// <inheritdoc />
    public override string Summary => "power off the old primary before promoting; promotion waits for confirmation";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.NoStaleWrite;

    /// <inheritdoc />
    public override string Protection => "STONITH: power the old primary off and wait for confirmation before promoting";

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.NoStaleWrite];

    /// <inheritdoc />
    public override TimeSpan Duration => TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public override ExploreBounds Bounds => base.Bounds with { SharedNodes = ["store"] };

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => [new(TimeSpan.FromSeconds(3), new PartitionFault("P | ha"))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        simulation.AddNode("store", () => new FencedStore(0, _ => StorageGuard.None()));
        simulation.AddNode("P", () => new Primary("store", "ha", new FencingToken(1)));
        simulation.AddNode("S", () => new Primary("store", "ha", null));
        simulation.AddNode("ha", () => new FailoverController("P", "S", "pdu", stonith: options.Fencing));
        simulation.AddNode("pdu", () => new PowerSwitch());
        return finished => new RunFacts(finished.Trace);
    }

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
        var controller = simulation.DurableOf(simulation["ha"]);
        figures[RunFigure.Promoted] = controller.Get("promoted", false) ? 1 : 0;
        figures[RunFigure.PromotionRefused] = controller.Get("promotionRefused", false) ? 1 : 0;
        figures[RunFigure.StaleWritesAccepted] = NoStaleWrite.StaleWrites(facts.Trace).Count;
    }
}
