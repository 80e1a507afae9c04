namespace SplitBrain;

/// <summary>What an exploration found: how much it tried, and the first failure, shrunk, with the command that replays it.</summary>
public sealed record ExploreResult
{
    /// <summary>The scenario explored.</summary>
    public required string Scenario { get; init; }

    /// <summary>Whether the protection was on.</summary>
    public required bool Fencing { get; init; }

    /// <summary>
    /// How many schedules the search covered: all it ran, or, when it stopped at the first violation, the seeds
    /// up to and including the first violating one. The same on every machine, whatever its number of cores.
    /// </summary>
    public required long Schedules { get; init; }

    /// <summary>How many of <see cref="Schedules"/> broke an invariant: 1 when the search stopped at the first violation.</summary>
    public required long Violations { get; init; }

    /// <summary>How many schedules actually ran, including any that other cores ran past the first violation. Depends on the machine; the rate counts these.</summary>
    public long SchedulesRun { get; init; }

    /// <summary>Whether the search stopped at its first violation. Its rate then measures mostly start-up, not speed.</summary>
    public bool StoppedAtFirstViolation { get; init; }

    /// <summary>The lowest seed whose schedule broke an invariant, if any.</summary>
    public long? FirstViolatingSeed { get; init; }

    /// <summary>The first invariant that seed's run broke.</summary>
    public Violation? FirstViolation { get; init; }

    /// <summary>The schedule that broke it, as drawn.</summary>
    public IReadOnlyList<ScheduledFault>? Schedule { get; init; }

    /// <summary>The smallest schedule found that still breaks the same invariant.</summary>
    public IReadOnlyList<ScheduledFault>? ShrunkSchedule { get; init; }

    /// <summary>The arguments after <c>course</c> that replay the shrunk failure.</summary>
    public string? Replay { get; init; }

    /// <summary>
    /// The options that replay the shrunk failure: its seed, protection and shrunk schedule, with the full trace.
    /// Run them on the scenario you explored (<c>scenario.Run(result.ReplayOptions)</c>), which also replays a
    /// scenario with your own guard in it, which the <see cref="Replay"/> command cannot.
    /// </summary>
    public ScenarioOptions? ReplayOptions { get; init; }

    /// <summary>The trace hash of the replayed shrunk failure: the same every time the replay runs.</summary>
    public string? ReplayTraceHash { get; init; }

    /// <summary>Wall-clock time of the search, shrinking excluded.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Wall-clock time spent shrinking.</summary>
    public TimeSpan ShrinkElapsed { get; init; }

    /// <summary>Schedules per second of wall-clock time.</summary>
    public double SchedulesPerSecond => Elapsed.TotalSeconds > 0 ? SchedulesRun / Elapsed.TotalSeconds : 0;
}
