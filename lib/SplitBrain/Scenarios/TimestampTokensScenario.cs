namespace SplitBrain;

/// <summary>
/// timestamp-tokens: holders make their tokens from their own wall clocks. H1's clock is 30 s fast, so its
/// token (about 30,000 ms) beats H2's (about 10,000 ms) although H2's lease came later. H1 freezes before
/// its first write; H2 writes; H1 wakes at 40.5 s and its stale write is accepted, because its number is
/// bigger. After that the store refuses the real holder. Counter tokens from the lock service order the
/// grants as they happened. (Random UUIDs fail worse: they have no order at all.) The holders here do not
/// watch their lease's expiry, so that only the tokens stand between a stale holder and the data.
/// </summary>
public sealed class TimestampTokensScenario : LeaseScenario
{
    /// <summary>How fast H1's clock runs ahead: 30 s.</summary>
    public static readonly TimeSpan H1ClockAhead = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string Name => "timestamp-tokens";

    /// <inheritdoc />
    public override string Summary => "tokens from wall clocks: skew reorders them and a stale write wins (UUIDs cannot be ordered at all)";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.NoStaleWrite;

    /// <inheritdoc />
    public override string Protection => "tokens come from the lock service's counter, not from clocks";

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.NoStaleWrite];

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) => [new(TimeSpan.FromSeconds(0.505), new PauseFault("H1", TimeSpan.FromSeconds(40)))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        AddLockService(simulation);
        AddStore(simulation, StorageGuard.Fencing);
        bool fromClock = !options.Fencing;
        simulation.AddNode("H1", () => new LeaseWriter(Holder(TimeSpan.Zero) with { TokenFromOwnClock = fromClock, ChecksExpiry = false }, StoreName));
        simulation.AddNode("H2", () => new LeaseWriter(Holder(TimeSpan.FromSeconds(1)) with { TokenFromOwnClock = fromClock, ChecksExpiry = false }, StoreName));
        simulation.SetClock("H1", H1ClockAhead, 0);
        return finished => new RunFacts(finished.Trace);
    }
}
