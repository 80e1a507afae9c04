namespace SplitBrain;

/// <summary>
/// clock-skew-lease: the lock service's clock runs 2 s fast and H1's runs 2 s slow. H1 takes a 10 s
/// lease, then loses its link to the lock service and cannot renew. The service gives the lease to H2 when
/// its own clock says 10 s have passed; H1's clock says it has 4 s left, and it keeps writing with token 33.
/// Safe use of a lease ends TTL − 2 × max skew = 6 s in, and the store's token check closes what is left.
/// </summary>
public sealed class ClockSkewLeaseScenario : LeaseScenario
{
    /// <summary>The largest difference between any clock and true time: 2 s.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public override string Name => "clock-skew-lease";

    /// <inheritdoc />
    public override string Summary => "the holder's clock runs slow: it writes after its lease expired; safe use ends at TTL - 2 x max skew";

    /// <inheritdoc />
    public override string Teaches => "no-stale-write";

    /// <inheritdoc />
    public override string Protection => "the holder stops 2 x max skew before expiry, and the store checks tokens";

    /// <inheritdoc />
    public override IReadOnlyList<string> Checks => ["no-stale-write"];

    /// <summary>How much of the lease a holder may use safely: TTL − 2 × max skew.</summary>
    public static TimeSpan UsableLeaseTime => LeaseTtl - (2 * MaxSkew);

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => [new(TimeSpan.FromSeconds(1), new PartitionFault($"H1 | {ServiceName}"))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        AddLockService(simulation);
        AddStore(simulation, disk => options.Fencing ? StorageGuard.Fencing(disk) : StorageGuard.None());
        var margin = options.Fencing ? 2 * MaxSkew : TimeSpan.Zero;
        simulation.AddNode("H1", () => new LeaseWriter(Holder(TimeSpan.Zero) with { SafetyMargin = margin }, StoreName));
        simulation.AddNode("H2", () => new LeaseWriter(Holder(TimeSpan.FromSeconds(1)) with { SafetyMargin = margin }, StoreName));
        simulation.SetClock(ServiceName, MaxSkew, 0);
        simulation.SetClock("H1", -MaxSkew, 0);
        return finished => new RunFacts(finished.Trace);
    }

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<string, long> figures)
    {
        base.AddFigures(simulation, facts, options, figures);
        figures["leaseTtlSeconds"] = (long)LeaseTtl.TotalSeconds;
        figures["maxSkewSeconds"] = (long)MaxSkew.TotalSeconds;
        figures["usableLeaseSeconds"] = (long)UsableLeaseTime.TotalSeconds;
    }
}
