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
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        var grantOrder = new Dictionary<long, (int Order, TraceEntry Line)>();
        var newestByStore = new Dictionary<string, (int Order, TraceEntry Line)>();
        foreach (var entry in facts.Trace.Protocol)
        {
            if (entry.Kind == TraceKind.Elected && TokenOf(entry.Detail) is { } granted)
            {
                grantOrder.TryAdd(granted.Value, (grantOrder.Count, entry));
                continue;
            }

            if (entry.Kind != TraceKind.WriteAccepted || entry.Detail is not WriteDecision { Token: { } token } decision
                || !grantOrder.TryGetValue(token.Value, out var grant))
            {
                continue;
            }

            string store = entry.Node?.Name ?? "-";
            if (newestByStore.TryGetValue(store, out var newest) && grant.Order < newest.Order)
            {
                yield return new Violation(Id,
                    $"{store} accepted \"{decision.Operation}\" with {token} from {entry.Peer} at {TraceEntry.FormatTime(entry.Time)}, " +
                    $"after accepting a write with {TokenOf(newest.Line.Detail)} from {newest.Line.Peer}, whose leadership was granted later",
                    [grant.Line, newest.Line, entry]);
                yield break;
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
