namespace SplitBrain;

/// <summary>
/// <c>no-stale-write</c>: once a store has accepted a write from one grant of leadership, it never accepts a
/// write from an earlier grant. "Earlier" is the true order in which leadership was granted (the order of
/// the <see cref="TraceKind.Elected"/> lines), not the order of the token numbers: tokens that do not follow
/// that order (timestamps from skewed clocks) are caught too.
/// </summary>
public sealed class NoStaleWrite : IChecker
{
    /// <inheritdoc />
    public string Id => "no-stale-write";

    /// <inheritdoc />
    public string Description => "No store accepts a write from a deposed leader after one from its successor.";

    /// <inheritdoc />
    /// <remarks>Stops at the first stale write: one is enough to break the invariant. <see cref="StaleWrites"/> counts them all.</remarks>
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var stale in Find(facts.Trace))
        {
            var decision = stale.Write.DetailAs<WriteDecision>();
            yield return new Violation(Id,
                $"{stale.Write.Node?.Name ?? "-"} accepted \"{decision.Operation}\" with {decision.Token} from {stale.Write.Peer} at {TraceEntry.FormatTime(stale.Write.Time)}, " +
                $"after accepting a write with {TokenOf(stale.Newer.Detail)} from {stale.Newer.Peer}, whose leadership was granted later",
                [stale.Grant, stale.Newer, stale.Write]);
            yield break;
        }
    }

    /// <summary>Every stale write a store accepted in the run, in trace order: what the figure <c>staleWritesAccepted</c> counts.</summary>
    /// <param name="trace">The finished run's trace.</param>
    public static IReadOnlyList<TraceEntry> StaleWrites(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var all = new List<TraceEntry>();
        foreach (var stale in Find(trace))
        {
            all.Add(stale.Write);
        }

        return all;
    }

    /// <summary>The stale writes one by one, lazily, so a checker can stop at the first.</summary>
    private static IEnumerable<(TraceEntry Write, TraceEntry Grant, TraceEntry Newer)> Find(Trace trace)
    {
        var grantOrder = new Dictionary<long, (int Order, TraceEntry Line)>();
        var newestByStore = new Dictionary<string, (int Order, TraceEntry Line)>();
        foreach (var entry in trace.Protocol)
        {
            if (entry.Kind == TraceKind.Elected && TokenOf(entry.Detail) is { } granted)
            {
                grantOrder.TryAdd(granted.Value, (grantOrder.Count, entry));
                continue;
            }

            if (entry.Kind != TraceKind.WriteAccepted || entry.Detail is not WriteDecision { Token: { } token }
                || !grantOrder.TryGetValue(token.Value, out var grant))
            {
                continue;
            }

            string store = entry.Node?.Name ?? "-";
            if (newestByStore.TryGetValue(store, out var newest) && grant.Order < newest.Order)
            {
                yield return (entry, grant.Line, newest.Line);
                continue;
            }

            if (!newestByStore.TryGetValue(store, out newest) || grant.Order > newest.Order)
            {
                newestByStore[store] = (grant.Order, entry);
            }
        }
    }

    private static FencingToken? TokenOf(object? detail) => detail switch
    {
        Term term => term.AsToken,
        FencingToken token => token,
        WriteDecision decision => decision.Token,
        _ => null,
    };
}
