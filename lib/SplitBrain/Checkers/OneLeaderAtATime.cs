namespace SplitBrain;

/// <summary>
/// <c>one-leader-at-a-time</c>: no two nodes believe they lead at the same instant. Raft alone does not
/// promise this (a cut-off leader leads on in an old term); a majority quorum with leaders that step
/// down when they lose the quorum does, while clocks run at the same rate.
/// </summary>
public sealed class OneLeaderAtATime : IChecker
{
    /// <inheritdoc />
    public string Id => "one-leader-at-a-time";

    /// <inheritdoc />
    public string Description => "No two nodes believe they lead at the same instant.";

    /// <inheritdoc />
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        if (Leadership.FirstOverlap(facts.Trace) is { } overlap)
        {
            yield return new Violation(Id,
                $"{overlap.First.Node} ({overlap.First.Detail}, since {TraceEntry.FormatTime(overlap.First.Time)}) and {overlap.Second.Node} ({overlap.Second.Detail}, since {TraceEntry.FormatTime(overlap.Second.Time)}) both led at {TraceEntry.FormatTime(overlap.Second.Time)}",
                [overlap.First, overlap.Second]);
        }
    }
}
