namespace SplitBrain;

/// <summary><c>one-leader-per-term</c>: no two nodes win the election of the same term.</summary>
public sealed class OneLeaderPerTerm : IChecker
{
    /// <inheritdoc />
    public string Id => "one-leader-per-term";

    /// <inheritdoc />
    public string Description => "At most one node wins each term.";

    /// <inheritdoc />
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        var winners = new Dictionary<Term, TraceEntry>();
        foreach (var entry in facts.Trace.Protocol)
        {
            if (entry.Kind != TraceKind.Elected || entry.Detail is not Term term)
            {
                continue;
            }

            if (winners.TryGetValue(term, out var first) && first.Node != entry.Node)
            {
                yield return new Violation(Id,
                    $"{term} has 2 leaders ({first.Node} at {TraceEntry.FormatTime(first.Time)}, {entry.Node} at {TraceEntry.FormatTime(entry.Time)})",
                    [first, entry]);
            }
            else
            {
                winners.TryAdd(term, entry);
            }
        }
    }
}
