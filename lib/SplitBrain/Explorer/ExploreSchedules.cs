namespace SplitBrain;

/// <summary>
/// The random fault schedules an <see cref="Explorer"/> tries on one scenario: schedule number <c>seed</c> is
/// drawn from that seed within the scenario's <see cref="Scenario.Bounds"/>. The explorer and the playground's
/// in-page search both draw from here, so the same seed is the same schedule in the CLI and in the browser.
/// </summary>
public sealed class ExploreSchedules
{
    private readonly Scenario scenario;
    private readonly IReadOnlyList<string> nodes;
    private readonly ExploreBounds bounds;
    private readonly IReadOnlyList<ScheduledFault> script;
    private readonly bool fencing;
    private readonly int? quorum;
    private readonly bool? margin;
    private readonly bool? tokens;

    /// <summary>Prepares the schedules of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario, whose own script of faults is replaced by random schedules.</param>
    /// <param name="fencing">Whether the scenario's protection is on.</param>
    /// <param name="quorum">The election quorum; null for a majority.</param>
    /// <param name="margin">The lease holders' safety margin alone (<see cref="ScenarioOptions.Margin"/>); null: as <paramref name="fencing"/>.</param>
    /// <param name="tokens">The token check alone (<see cref="ScenarioOptions.Tokens"/>); null: as <paramref name="fencing"/>.</param>
    public ExploreSchedules(Scenario scenario, bool fencing, int? quorum, bool? margin = null, bool? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        this.scenario = scenario;
        this.fencing = fencing;
        this.quorum = quorum;
        this.margin = margin;
        this.tokens = tokens;
        nodes = scenario.NodeNames;
        bounds = scenario.Bounds;
        script = scenario.Script(new ScenarioOptions { Fencing = fencing, Margin = margin, Tokens = tokens, Quorum = quorum });
    }

    /// <summary>The options that run schedule number <paramref name="seed"/>, with the trace's traffic off (the checkers read only protocol lines).</summary>
    /// <param name="seed">The schedule's seed, also the run's seed.</param>
    public ScenarioOptions OptionsFor(long seed) => new()
    {
        Seed = seed,
        Fencing = fencing,
        Margin = margin,
        Tokens = tokens,
        Quorum = quorum,
        Faults = FaultGenerator.Generate(bounds, nodes, seed, script),
        TraceTraffic = false, // the checkers read only protocol lines; a replay keeps everything
    };

    /// <summary>
    /// Shrinks the first violating run to the faults that matter and replays it with the full trace:
    /// the shrunk schedule, the command that replays it and its trace hash, added to <paramref name="found"/>.
    /// </summary>
    /// <param name="found">What the search counted.</param>
    /// <param name="first">The run with the lowest violating seed.</param>
    public ExploreResult Shrink(ExploreResult found, ScenarioResult first)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(first);
        var violation = first.Violations[0];
        var shrunk = Shrinker.Shrink(scenario, first.Options, Checkers.Get(violation.Invariant));
        var replayOptions = first.Options with { Faults = shrunk, TraceTraffic = true };
        var replayed = scenario.Run(replayOptions);
        return found with
        {
            FirstViolatingSeed = first.Options.Seed,
            FirstViolation = violation,
            Schedule = first.Options.Faults,
            ShrunkSchedule = shrunk,
            Replay = Explorer.ReplayCommand(scenario, replayOptions),
            ReplayOptions = replayOptions,
            ReplayTraceHash = replayed.TraceHash,
        };
    }
}
