namespace SplitBrain.Visuals;

/// <summary>
/// The balance of the bank-ledger scenarios as each party saw it, read from the trace: what the ledger store
/// holds, what each server believes (from the balances it writes and the replies it reads), and the cash paid out.
/// </summary>
public static class BankBalances
{
    /// <summary>The balance a run's account opened with: its <see cref="RunFigure.InitialBalance"/>, or the bank story's when the run reports none.</summary>
    /// <param name="result">A finished run.</param>
    public static long OpeningOf(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Figures.TryGetValue(RunFigure.InitialBalance, out long opening) ? opening : BankStory.OpeningBalance;
    }

    /// <summary>The series for <see cref="BalanceChart"/>.</summary>
    /// <param name="trace">A bank-ledger run's trace.</param>
    /// <param name="openingBalance">The balance at the start.</param>
    /// <param name="store">The name of the ledger store node.</param>
    public static IReadOnlyList<BalancePoint> FromTrace(IEnumerable<TraceEntry> trace, long openingBalance = BankStory.OpeningBalance, string store = BankStory.StoreName)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var points = new List<BalancePoint> { new(TimeSpan.Zero, "ledger (the store)", openingBalance, "opening balance") };
        long paid = 0;
        bool anyPaid = false;
        var servers = new HashSet<string>(StringComparer.Ordinal);

        // Every server starts out believing the opening balance it was configured with.
        void Believe(TraceEntry entry, NodeId server, long balance, string why)
        {
            if (servers.Add(server.Name))
            {
                points.Add(new(TimeSpan.Zero, $"{server} believes", openingBalance, "the opening balance"));
            }

            points.Add(new(entry.Time, $"{server} believes", balance, why));
        }

        foreach (var entry in trace)
        {
            switch (entry.Kind, entry.Detail)
            {
                case (TraceKind.Send, StoreReply reply) when entry.Node?.Name == store && reply.Accepted:
                    points.Add(new(entry.Time, "ledger (the store)", reply.Balance, $"{reply.RequestId}: the store holds ${reply.Balance}"));
                    break;
                case (TraceKind.Deliver, StoreReply reply) when entry.Peer is { } server:
                    Believe(entry, server, reply.Balance, $"{reply.RequestId}: the store says ${reply.Balance}");
                    break;
                case (TraceKind.Send, SetBalance write) when entry.Node is { } server:
                    Believe(entry, server, write.NewBalance, $"{write.RequestId}: writes ${write.NewBalance} {(write.Token is { } t ? $"with {t}" : "without a token")}");
                    break;
                case (TraceKind.Acknowledged, Acknowledgement ack):
                    if (!anyPaid)
                    {
                        points.Add(new(TimeSpan.Zero, "cash paid out", 0, "nothing paid yet"));
                        anyPaid = true;
                    }

                    paid += ack.Amount;
                    points.Add(new(entry.Time, "cash paid out", paid, $"{entry.Node} paid ${ack.Amount} to {entry.Peer} ({ack.RequestId})"));
                    break;
            }
        }

        return points;
    }
}
