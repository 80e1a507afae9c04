namespace SplitBrain;

/// <summary>
/// clock-skew-lease: the lock service's clock runs 20% fast and H1's runs 20% slow, so over one 10 s lease
/// each gains or loses 2 s: the max skew. H1 takes a 10 s lease, then loses its link to the lock service and
/// cannot renew. The service's 10 s are up after 8.3 true seconds and it gives the lease to H2; H1's clock
/// counts 10 s only after 12.5 true seconds, and until then H1 keeps writing with token 33.
/// The rule that keeps it safe: use a lease for TTL − 2 × max skew = 6 s, counted from the moment you asked,
/// on your own clock (the margin; H1 stops after 7.5 true seconds). The store's token check refuses what is
/// left whatever the clocks do. Each defence switches alone: <see cref="ScenarioOptions.Margin"/> and
/// <see cref="ScenarioOptions.Tokens"/>.
/// </summary>
public sealed class ClockSkewLeaseScenario : LeaseScenario
{
    /// <summary>The most any clock gains or loses against true time over one lease: 2 s in 10 s.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(2);

    /// <summary>How fast the lock service's clock runs, and how slow H1's: 0.2 (20%), which is <see cref="MaxSkew"/> per <see cref="LeaseScenario.LeaseTtl"/>.</summary>
    public static double ClockDrift => MaxSkew / LeaseTtl;

    /// <inheritdoc />
    public override string Name => "clock-skew-lease";

    /// <inheritdoc />
    public override string Summary => "the holder's clock runs slow: it writes after its lease expired; safe use ends at TTL - 2 x max skew";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.NoStaleWrite;

    /// <inheritdoc />
    public override string Protection => "the holder uses a lease for TTL - 2 x max skew from when it asked (margin), and the store checks tokens (tokens)";

    /// <inheritdoc />
    public override bool HasLeaseMargin => true;

    /// <inheritdoc />
    public override bool HasTokenCheck => true;

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.NoStaleWrite];

    /// <summary>How much of the lease a holder may use safely: TTL − 2 × max skew.</summary>
    public static TimeSpan UsableLeaseTime => LeaseTtl - (2 * MaxSkew);

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => [new(TimeSpan.FromSeconds(1), new PartitionFault($"H1 | {ServiceName}"))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        AddLockService(simulation);
        AddStore(simulation, disk => options.UsesTokens ? StorageGuard.Fencing(disk) : StorageGuard.None());
        var margin = options.UsesMargin ? 2 * MaxSkew : TimeSpan.Zero;
        simulation.AddNode("H1", () => new LeaseWriter(Holder(TimeSpan.Zero) with { SafetyMargin = margin }, StoreName));
        simulation.AddNode("H2", () => new LeaseWriter(Holder(TimeSpan.FromSeconds(1)) with { SafetyMargin = margin }, StoreName));
        simulation.SetClock(ServiceName, TimeSpan.Zero, ClockDrift);
        simulation.SetClock("H1", TimeSpan.Zero, -ClockDrift);
        return finished => new RunFacts(finished.Trace);
    }

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
        base.AddFigures(simulation, facts, options, figures);
        figures[RunFigure.LeaseTtlSeconds] = (long)LeaseTtl.TotalSeconds;
        figures[RunFigure.MaxSkewSeconds] = (long)MaxSkew.TotalSeconds;
        figures[RunFigure.UsableLeaseSeconds] = (long)UsableLeaseTime.TotalSeconds;
    }
}
