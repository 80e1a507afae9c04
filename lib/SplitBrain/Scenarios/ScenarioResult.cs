namespace SplitBrain;

/// <summary>One finished run of a scenario: its trace, its verdict and its figures.</summary>
public sealed class ScenarioResult
{
    private readonly Func<IReadOnlyDictionary<RunFigure, long>> countFigures;
    private string? traceHash;
    private IReadOnlyDictionary<RunFigure, long>? figures;

    internal ScenarioResult(Scenario scenario, ScenarioOptions options, Simulation simulation, IReadOnlyList<Violation> violations, History? history, Func<IReadOnlyDictionary<RunFigure, long>> countFigures)
    {
        History = history;
        Scenario = scenario;
        Options = options;
        Simulation = simulation;
        Violations = violations;
        this.countFigures = countFigures;
    }

    /// <summary>The scenario that ran.</summary>
    public Scenario Scenario { get; }

    /// <summary>The options it ran with.</summary>
    public ScenarioOptions Options { get; }

    /// <summary>The finished simulation, for a closer look at any node.</summary>
    public Simulation Simulation { get; }

    /// <summary>Everything that happened.</summary>
    public Trace Trace => Simulation.Trace;

    /// <summary>The SHA-256 of the trace's canonical text: equal hashes, equal runs.</summary>
    public string TraceHash => traceHash ??= Trace.Hash();

    /// <summary>How many kernel events the run handled.</summary>
    public long Events => Simulation.Steps;

    /// <summary>
    /// What the clients asked and were told (invocations and completions in virtual time), for the scenarios whose
    /// clients keep one (every bank story, the register workload); null for the others. Check it with
    /// <see cref="HistoryModel.Check"/> or save it with <see cref="History.Save"/>.
    /// </summary>
    public History? History { get; }

    /// <summary>The invariants the run broke; empty if it was safe.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>
    /// The scenario's numbers, ordered by name: <see cref="RunFigure.PaidOut"/>, <see cref="RunFigure.JobsRunTwice"/>, and so on
    /// (read one with <c>Figures[RunFigure.PaidOut]</c>). Counted when first asked for (the explorer never asks).
    /// </summary>
    public IReadOnlyDictionary<RunFigure, long> Figures => figures ??= countFigures();

    /// <summary>Writes that stores and workers accepted.</summary>
    public int AcceptedWrites => Trace.Protocol.Count(e => e.Kind == TraceKind.WriteAccepted);

    /// <summary>Writes that guards refused.</summary>
    public int RejectedWrites => Trace.Protocol.Count(e => e.Kind == TraceKind.WriteRejected);

    /// <summary>The most nodes that believed they led at the same virtual instant.</summary>
    public int MaxLeadersAtOnce => Leadership.MaxLeadersAtOnce(Trace);

    /// <summary>Whether the run broke <paramref name="invariant"/>, like <c>result.Broke(Checkers.NoOverdraft)</c>.</summary>
    /// <param name="invariant">One of the <see cref="Checkers"/>.</param>
    public bool Broke(IChecker invariant)
    {
        ArgumentNullException.ThrowIfNull(invariant);
        return Violations.Any(v => v.Breaks(invariant));
    }

    /// <summary>The command that replays this run: the arguments after <c>course</c>.</summary>
    public string Replay => Options.ReplayCommand(Scenario.Name, Options.Faults is { } faults ? FaultSchedule.Format(faults) : null);
}
