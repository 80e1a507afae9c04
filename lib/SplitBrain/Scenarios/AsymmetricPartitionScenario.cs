namespace SplitBrain;

/// <summary>
/// asymmetric-partition: the primary P still reaches its clients and the store, but not the controller
/// (the lock service). P cannot renew; it is a simple primary that does not watch its lease and keeps
/// taking writes. The controller lets the lease run out and hands it to R with token 34. Now both write.
/// With fencing the store refuses P's token 33 as soon as it has seen R's 34.
/// </summary>
public sealed class AsymmetricPartitionScenario : LeaseScenario
{
    /// <inheritdoc />
    public override string Name => "asymmetric-partition";

    /// <inheritdoc />
    public override string Summary => "the leader reaches its clients but not the controller: the old primary keeps taking writes";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.NoStaleWrite;

    /// <inheritdoc />
    public override string Protection => "the store checks fencing tokens";

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.NoStaleWrite];

    /// <inheritdoc />
    public override bool HasTokenCheck => true;

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => [new(TimeSpan.FromSeconds(2.5), new PartitionFault($"P | {ServiceName}"))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        AddLockService(simulation);
        AddStore(simulation, disk => options.UsesTokens ? StorageGuard.Fencing(disk) : StorageGuard.None());
        simulation.AddNode("P", () => new LeaseWriter(Holder(TimeSpan.Zero) with { ChecksExpiry = false }, StoreName));
        simulation.AddNode("R", () => new LeaseWriter(Holder(TimeSpan.FromSeconds(1)), StoreName));
        return finished => new RunFacts(finished.Trace);
    }
}
