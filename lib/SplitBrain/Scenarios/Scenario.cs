namespace SplitBrain;

/// <summary>
/// A named, seeded, replayable story: a cluster, a workload and the faults that break it, run with a
/// protection off (the bug) or on (the fix), then judged by the checkers the story is about.
/// </summary>
/// <remarks>
/// A run is a pure function of the scenario and its <see cref="ScenarioOptions"/>. Subclasses build the
/// cluster in <see cref="Build"/>; this class adds the extra faults, runs, checks and counts.
/// </remarks>
public abstract class Scenario
{
    /// <summary>The name used on the command line, like <c>bank-ledger</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the scenario shows, in one line.</summary>
    public abstract string Summary { get; }

    /// <summary>The invariant that the unsafe setting breaks, like <see cref="Checkers.NoOverdraft"/>.</summary>
    public abstract IChecker Teaches { get; }

    /// <summary>What "fencing on" means in this scenario, in a few words.</summary>
    public abstract string Protection { get; }

    /// <summary>The checkers that judge a run of this scenario, in the order they run.</summary>
    public abstract IReadOnlyList<IChecker> Checks { get; }

    /// <summary>How long a run lasts in virtual time.</summary>
    public abstract TimeSpan Duration { get; }

    /// <summary>Whether the scenario has elections, so that <see cref="ScenarioOptions.Quorum"/> means something.</summary>
    public virtual bool HasElections => false;

    /// <summary>Whether the scenario's clients record what they asked and were told, so that <see cref="ScenarioResult.History"/> is set. Default: no.</summary>
    public virtual bool KeepsHistory => false;

    /// <summary>Whether the lease holders keep a safety margin that <see cref="ScenarioOptions.Margin"/> switches alone.</summary>
    public virtual bool HasLeaseMargin => false;

    /// <summary>Whether the fencing-token check at the store or the workers can be switched alone with <see cref="ScenarioOptions.Tokens"/>.</summary>
    public virtual bool HasTokenCheck => false;

    /// <summary>The settings that break the invariant the scenario teaches. Default: fencing off.</summary>
    public virtual ScenarioOptions UnsafeSettings => new() { Fencing = false };

    /// <summary>The settings under which no invariant breaks. Default: fencing on.</summary>
    public virtual ScenarioOptions SafeSettings => new() { Fencing = true };

    /// <summary>The faults an explorer may try on this scenario. Default: any kind, within the first three quarters of the run, pauses up to half of it.</summary>
    public virtual ExploreBounds Bounds => new() { Horizon = Duration * 0.75, MaxPause = Duration / 2 };

    /// <summary>The names of the nodes a run has, in the order they are added.</summary>
    public IReadOnlyList<string> NodeNames => Prepare(new ScenarioOptions()).Simulation.Nodes.Select(n => n.Name).ToArray();

    /// <summary>Runs the scenario once.</summary>
    /// <param name="options">Seed, protection, quorum and extra faults.</param>
    /// <exception cref="ArgumentException">The options do not fit this scenario (a quorum where there are no elections, a fault naming an unknown node).</exception>
    public ScenarioResult Run(ScenarioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Quorum is not null && !HasElections)
        {
            throw new ArgumentException($"The scenario {Name} has no elections, so a quorum size does not apply to it.", nameof(options));
        }

        if (options.Margin is not null && !HasLeaseMargin)
        {
            throw new ArgumentException($"The scenario {Name} has no lease margin to switch; the margin applies to {string.Join(", ", SplitBrain.Scenarios.All.Where(s => s.HasLeaseMargin).Select(s => s.Name))}.", nameof(options));
        }

        if (options.Tokens is not null && !HasTokenCheck)
        {
            throw new ArgumentException($"The scenario {Name} has no token check to switch alone; use fencing, or tokens on {string.Join(", ", SplitBrain.Scenarios.All.Where(s => s.HasTokenCheck).Select(s => s.Name))}.", nameof(options));
        }

        var (simulation, facts) = Prepare(options);
        foreach (var scheduled in options.Faults ?? Script(options))
        {

            simulation.At(scheduled.At, scheduled.Fault);
        }

        simulation.Run(Duration);
        var runFacts = facts(simulation);
        var violations = new List<Violation>();
        foreach (var checker in Checks)
        {
            violations.AddRange(checker.Check(runFacts));
        }

        return new ScenarioResult(this, options, simulation, violations, runFacts.History, () =>
        {
            var figures = new SortedDictionary<RunFigure, long>(RunFigure.ByName);
            AddFigures(simulation, runFacts, options, figures);
            return figures;
        });
    }

    /// <summary>
    /// Checks a schedule that a person wrote: every fault must fall within the run, or it would never fire.
    /// (The explorer's own schedules may run past the end, a restart after a late crash, and need no check.)
    /// </summary>
    /// <param name="faults">The schedule, as given with <c>--faults</c>.</param>
    /// <exception cref="ArgumentException">A fault comes after the end of the run.</exception>
    public void CheckSchedule(IReadOnlyList<ScheduledFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        foreach (var scheduled in faults)
        {
            if (scheduled.At > Duration)
            {
                throw new ArgumentException($"The fault \"{scheduled}\" comes after the run's end: a run of {Name} lasts {Fault.Seconds(Duration)}, so a fault may be at t=0s to t={Fault.Seconds(Duration)}.", nameof(faults));
            }
        }
    }

    /// <summary>Builds the cluster and its workload into <paramref name="simulation"/>; the faults come from <see cref="Script"/>.</summary>
    /// <param name="simulation">A fresh simulation seeded from the options.</param>
    /// <param name="options">The run's options.</param>
    /// <returns>How to read the facts the checkers need once the run is over.</returns>
    protected abstract Func<Simulation, RunFacts> Build(Simulation simulation, ScenarioOptions options);

    /// <summary>The scenario's own faults: the partition, pause or crash that its story is about.</summary>
    /// <param name="options">The run's options.</param>
    public abstract IReadOnlyList<ScheduledFault> Script(ScenarioOptions options);

    /// <summary>Adds the scenario's own figures (money paid out, jobs run twice) after a run.</summary>
    /// <param name="simulation">The finished simulation.</param>
    /// <param name="facts">The facts the checkers saw.</param>
    /// <param name="options">The run's options.</param>
    /// <param name="figures">Where to put them.</param>
    protected virtual void AddFigures(Simulation simulation, RunFacts facts, ScenarioOptions options, IDictionary<RunFigure, long> figures)
    {
    }

    /// <summary>The quorum a run uses: the option, or a majority of <paramref name="clusterSize"/>.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="clusterSize">How many nodes vote.</param>
    protected static Quorum QuorumFor(ScenarioOptions options, int clusterSize)
    {
        if (options.Quorum is { } size)
        {
            if (size < 1 || size > clusterSize)
            {
                throw new ArgumentException($"A quorum in a cluster of {clusterSize} needs between 1 and {clusterSize} votes; got {size}.", nameof(options));
            }

            return new Quorum(size, clusterSize);
        }

        return Quorum.Majority(clusterSize);
    }

    private (Simulation Simulation, Func<Simulation, RunFacts> Facts) Prepare(ScenarioOptions options)
    {
        var simulation = new Simulation(options.Seed);
        simulation.Trace.RecordsTraffic = options.TraceTraffic;
        return (simulation, Build(simulation, options));
    }
}
