namespace SplitBrain;

/// <summary><c>no-overdraft</c>: the money paid out never exceeds the opening balance.</summary>
public sealed class NoOverdraft : IChecker
{
    /// <inheritdoc />
    public string Id => "no-overdraft";

    /// <inheritdoc />
    public string Description => "Money paid out never exceeds the balance.";

    /// <inheritdoc />
    public IEnumerable<Violation> Check(RunFacts facts)
    {
        if (facts.InitialBalance is not { } balance)
        {
            yield break;
        }

        long paid = 0;
        var payouts = new List<TraceEntry>();
        foreach (var entry in facts.Trace.Protocol)
        {
            if (entry.Kind != TraceKind.Acknowledged || entry.Detail is not Acknowledgement { Amount: > 0 } ack)
            {
                continue;
            }

            paid += ack.Amount;
            payouts.Add(entry);
            if (paid > balance)
            {
                var list = string.Join("; ", payouts.Select(p => $"{p.DetailAs<Acknowledgement>().RequestId} ${p.DetailAs<Acknowledgement>().Amount} by {p.Node} at {TraceEntry.FormatTime(p.Time)}"));
                yield return new Violation(Id, $"paid out ${paid} from a ${balance} balance: {list}", payouts.ToArray());
                yield break;
            }
        }
    }
}
