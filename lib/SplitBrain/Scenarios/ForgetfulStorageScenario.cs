namespace SplitBrain;

/// <summary>
/// forgetful-storage: the store checks tokens, but keeps the highest one in memory only. H1 (token 33)
/// freezes at 5 s; H2 takes the lease with token 34 and writes. The store restarts at 44.75 s and forgets 34.
/// H1 wakes at 44.76 s and writes with 33 before H2 writes again: accepted. A guard that remembers the highest token with the data
/// refuses it.
/// </summary>
public sealed class ForgetfulStorageScenario : LeaseScenario
{
    /// <inheritdoc />
    public override string Name => "forgetful-storage";

    /// <inheritdoc />
    public override string Summary => "the guard keeps its highest token in memory only: after a restart the stale write is accepted";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.NoStaleWrite;

    /// <inheritdoc />
    public override string Protection => "the store keeps the highest token durably, with the data";

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.NoStaleWrite];

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) =>
        [
            new(TimeSpan.FromSeconds(5.005), new PauseFault("H1", TimeSpan.FromSeconds(39.755))),
            new(TimeSpan.FromSeconds(40.2), new CrashFault(StoreName)),
            new(TimeSpan.FromSeconds(44.75), new RestartFault(StoreName)),
        ];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        AddLockService(simulation);
        AddStore(simulation, disk => options.Fencing ? StorageGuard.Fencing(disk) : StorageGuard.Forgetful());
        simulation.AddNode("H1", () => new LeaseWriter(Holder(TimeSpan.Zero), StoreName));
        simulation.AddNode("H2", () => new LeaseWriter(Holder(TimeSpan.FromSeconds(1)), StoreName));
        return finished => new RunFacts(finished.Trace);
    }
}
