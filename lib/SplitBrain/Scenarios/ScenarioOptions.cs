namespace SplitBrain;

/// <summary>The settings of one run of a scenario. The same options always give the same run.</summary>
public sealed record ScenarioOptions
{
    /// <summary>The seed of every random choice (message delays, election timeouts). Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Whether the protection the scenario teaches is on: fencing tokens checked at the store, STONITH before promotion, and so on.</summary>
    public bool Fencing { get; init; }

    /// <summary>Votes needed to win an election; null for a majority. Only for scenarios with elections.</summary>
    public int? Quorum { get; init; }

    /// <summary>
    /// The fault schedule. Null (the default) runs the scenario's own script of faults; a list replaces
    /// that script, which is how an explorer tries other schedules and how a shrunk failure is replayed.
    /// </summary>
    public IReadOnlyList<ScheduledFault>? Faults { get; init; }

    /// <summary>
    /// Whether the run's trace keeps network traffic and timers. True by default. The explorer runs its
    /// schedules with it off, because the checkers read only the protocol lines; the run is the same run
    /// either way, but its trace hash is only comparable between runs that both kept the traffic.
    /// </summary>
    public bool TraceTraffic { get; init; } = true;

    /// <summary>Reads like <c>seed 7, fencing on, quorum 2</c>.</summary>
    public override string ToString() =>
        $"seed {Seed}, fencing {(Fencing ? "on" : "off")}" + (Quorum is { } q ? $", quorum {q}" : "") + (Faults is { } faults ? $", {faults.Count} faults of its own" : "");
}
