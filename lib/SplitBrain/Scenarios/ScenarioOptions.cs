namespace SplitBrain;

/// <summary>The settings of one run of a scenario. The same options always give the same run.</summary>
public sealed record ScenarioOptions
{
    /// <summary>The seed of every random choice (message delays, election timeouts). Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Whether the protection the scenario teaches is on: fencing tokens checked at the store, STONITH before promotion, and so on.</summary>
    public bool Fencing { get; init; }

    /// <summary>
    /// Only for the lease scenarios with a margin (clock-skew-lease): whether holders stop using a lease
    /// 2 × max skew early. Null (the default) follows <see cref="Fencing"/>.
    /// </summary>
    public bool? Margin { get; init; }

    /// <summary>
    /// Only for the lease scenarios whose store or workers check fencing tokens: whether they do. Null (the
    /// default) follows <see cref="Fencing"/>.
    /// </summary>
    public bool? Tokens { get; init; }

    /// <summary>Whether the lease holders keep the safety margin: <see cref="Margin"/>, or else <see cref="Fencing"/>.</summary>
    public bool UsesMargin => Margin ?? Fencing;

    /// <summary>Whether the store or workers check fencing tokens: <see cref="Tokens"/>, or else <see cref="Fencing"/>.</summary>
    public bool UsesTokens => Tokens ?? Fencing;

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

    /// <summary>Reads like <c>seed 7, fencing on, quorum 2</c> or <c>seed 1, fencing off, margin on, 1 fault of its own</c>.</summary>
    public override string ToString() =>
        $"seed {Seed}, fencing {OnOff(Fencing)}"
        + (Margin is { } margin ? $", margin {OnOff(margin)}" : "")
        + (Tokens is { } tokens ? $", tokens {OnOff(tokens)}" : "")
        + (Quorum is { } q ? $", quorum {q}" : "")
        + (Faults is { } faults ? $", {Fault.Count(faults.Count, "fault")} of its own" : "");

    /// <summary>The arguments after <c>course</c> that run <paramref name="scenario"/> with exactly these options.</summary>
    /// <param name="scenario">The scenario's name.</param>
    /// <param name="schedule">The fault schedule to pass with <c>--faults</c>, or null to run the scenario's own.</param>
    public string ReplayCommand(string scenario, string? schedule) =>
        $"run {scenario} --seed {Seed} --fencing {OnOff(Fencing)}"
        + (Margin is { } margin ? $" --margin {OnOff(margin)}" : "")
        + (Tokens is { } tokens ? $" --tokens {OnOff(tokens)}" : "")
        + (Quorum is { } q ? $" --quorum {q}" : "")
        + (schedule is null ? "" : $" --faults \"{schedule}\"");

    private static string OnOff(bool on) => on ? "on" : "off";
}
