namespace SplitBrain;

/// <summary>
/// The lease scenarios: a lock service hands out a 10 s lease with fencing tokens from 33 up, holders
/// renew every 3 s, and something (a pause, a slow clock, a cut link) makes a holder act after its lease
/// has gone to someone else.
/// </summary>
public abstract class LeaseScenario : Scenario
{
    /// <summary>The lock service's node name.</summary>
    public const string ServiceName = "locks";

    /// <summary>The shared store's node name.</summary>
    public const string StoreName = "store";

    /// <summary>The lease's time to live: 10 s.</summary>
    public static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(10);

    /// <summary>The first token the lock service hands out: 33, as in the lesson's story.</summary>
    public const long FirstToken = 33;

    /// <inheritdoc />
    public override TimeSpan Duration => TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override ExploreBounds Bounds => base.Bounds with { SharedNodes = [StoreName] };

    /// <summary>Adds the lock service.</summary>
    /// <param name="simulation">The simulation.</param>
    protected static void AddLockService(Simulation simulation) =>
        simulation.AddNode(ServiceName, () => new LeaseService(LeaseTtl, FirstToken));

    /// <summary>Adds the shared store, guarded by fencing tokens or not.</summary>
    /// <param name="simulation">The simulation.</param>
    /// <param name="guard">Builds the guard from the store's durable state.</param>
    protected static void AddStore(Simulation simulation, Func<DurableState, StorageGuard> guard) =>
        simulation.AddNode(StoreName, () => new FencedStore(0, guard));

    /// <summary>Settings for a holder of the lock service's lease.</summary>
    /// <param name="acquireAt">When it first asks for the lease.</param>
    protected static LeaseHolderSettings Holder(TimeSpan acquireAt) => new() { Service = ServiceName, AcquireAt = acquireAt };

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
        figures[RunFigure.LeaseGrants] = facts.Trace.Protocol.Count(e => e.Kind == TraceKind.LeaseGranted);
        figures[RunFigure.StaleWritesAccepted] = NoStaleWrite.StaleWrites(facts.Trace).Count;
    }
}
