namespace SplitBrain;

/// <summary>
/// The faults an explorer may throw at a scenario: when, how long, and of which kinds. The bounds say
/// what the scenario's protection is meant to survive; a fault outside them (a clock that drifts under a
/// lease that trusts clocks) is a different lesson, with its own scenario.
/// </summary>
public sealed record ExploreBounds
{
    /// <summary>Faults happen between 0 and this virtual time.</summary>
    public required TimeSpan Horizon { get; init; }

    /// <summary>The longest pause. Zero: no pauses.</summary>
    public required TimeSpan MaxPause { get; init; }

    /// <summary>The most faults in one schedule (a crash and its restart count as one). Default 4.</summary>
    public int MaxFaults { get; init; } = 4;

    /// <summary>Whether clocks may be stepped or set to drift. Default true.</summary>
    public bool ClockFaults { get; init; } = true;

    /// <summary>
    /// Nodes that partitions never place in a group, so they stay reachable from every side: shared storage
    /// that the lesson assumes every server can reach. They can still crash, pause and have one-way cuts.
    /// </summary>
    public IReadOnlyList<string> SharedNodes { get; init; } = [];

    /// <summary>Whether nodes may crash and restart. Default true.</summary>
    public bool Crashes { get; init; } = true;
}
