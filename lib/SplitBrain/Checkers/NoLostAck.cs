namespace SplitBrain;

/// <summary>
/// <c>no-lost-ack</c>: every write acknowledged to a client is still in the final state. A blind write
/// computed from an old read erases the writes made since; if one of those was acknowledged, a client was
/// told something the bank no longer remembers.
/// </summary>
public sealed class NoLostAck : IChecker
{
    /// <inheritdoc />
    public string Id => "no-lost-ack";

    /// <inheritdoc />
    public string Description => "Every acknowledged write is in the final state.";

    /// <inheritdoc />
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        if (facts.FinalLedger is not { } ledger)
        {
            yield break;
        }

        var kept = ledger.EffectiveRequests.ToHashSet();
        foreach (var entry in facts.Trace.Protocol)
        {
            if (entry.Kind == TraceKind.Acknowledged && entry.Detail is Acknowledgement ack && !kept.Contains(ack.RequestId))
            {
                yield return new Violation(Id,
                    $"{ack.RequestId} ({ack.Operation}) was acknowledged by {entry.Node} at {TraceEntry.FormatTime(entry.Time)}, but the final ledger (balance ${ledger.Balance}) no longer contains it",
                    [entry]);
            }
        }
    }
}
