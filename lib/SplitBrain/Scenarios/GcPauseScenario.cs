namespace SplitBrain;

/// <summary>
/// gc-pause: two job schedulers share a lease; workers run the jobs they are sent. Scheduler S1 holds the
/// lease with token 33. At 5 s, with its batch of 6 jobs checked and ready, S1 freezes for 40 s. Its lease
/// runs out; S2 gets token 34 and submits the batch. At 45 s S1 wakes and sends the same batch with token
/// 33. Workers that do not check tokens run every job twice; workers that do refuse 33, having seen 34.
/// </summary>
public sealed class GcPauseScenario : LeaseScenario
{
    /// <summary>How long the scheduler freezes: 40 s.</summary>
    public static readonly TimeSpan PauseLength = TimeSpan.FromSeconds(40);

    /// <summary>When the batch is due, and the pause strikes.</summary>
    public static readonly TimeSpan BatchAt = TimeSpan.FromSeconds(5);

    private static readonly string[] Workers = ["W1", "W2", "W3"];
    private static readonly int[] Batch = [1, 2, 3, 4, 5, 6];
    private readonly Func<JobGate>? yourWorker;

    /// <summary>Makes the scenario, optionally with your own decision in every worker (for example your exercise's job worker).</summary>
    /// <param name="yourWorker">Makes a fresh decision for each worker each time it starts; null for the scenario's own workers, which check tokens when fencing is on.</param>
    public GcPauseScenario(Func<JobGate>? yourWorker = null) => this.yourWorker = yourWorker;

    /// <inheritdoc />
    public override string Name => "gc-pause";

    /// <inheritdoc />
    public override string Summary => "the scheduler holding token 33 freezes for 40 s; without worker checks its late batch runs twice";

    /// <inheritdoc />
    public override IChecker Teaches => Checkers.JobOnce;

    /// <inheritdoc />
    public override string Protection => "workers remember the highest scheduler token and refuse lower ones";

    /// <inheritdoc />
    public override IReadOnlyList<IChecker> Checks => [Checkers.JobOnce, Checkers.NoStaleWrite];

    /// <inheritdoc />
    public override bool HasTokenCheck => true;

    /// <inheritdoc />
    public override IReadOnlyList<ScheduledFault> Script(ScenarioOptions options) =>
        // The check happens at 5.000 s and the batch leaves after the preparation time: the pause lands in between.
        [new(BatchAt + TimeSpan.FromMilliseconds(5), new PauseFault("S1", PauseLength))];

    /// <inheritdoc />
    protected override Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options)
    {
        AddLockService(simulation);
        simulation.AddNode("S1", () => new JobScheduler(Holder(TimeSpan.Zero), Workers, Batch, BatchAt));
        simulation.AddNode("S2", () => new JobScheduler(Holder(TimeSpan.FromSeconds(1)), Workers, Batch, TimeSpan.Zero));
        foreach (var worker in Workers)
        {
            simulation.AddNode(worker, () => yourWorker is null ? new JobWorker(checksTokens: options.UsesTokens) : new JobWorker(yourWorker()));
        }

        return finished => new RunFacts(finished.Trace);
    }

    /// <inheritdoc />
    protected override void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
        base.AddFigures(simulation, facts, options, figures);
        var runs = facts.Trace.Protocol.OfKind<JobExecution>(TraceKind.JobRun).Select(run => run.Detail.JobId).ToList();
        figures[RunFigure.Jobs] = Batch.Length;
        figures[RunFigure.JobRuns] = runs.Count;
        figures[RunFigure.JobsRunTwice] = runs.GroupBy(j => j).Count(g => g.Count() > 1);
        figures[RunFigure.PauseSeconds] = (long)PauseLength.TotalSeconds;
    }
}
