namespace Course.Exercises.Graded;

/// <summary>
/// A small bank-ledger scenario on the course's simulator, with the learner's <see cref="FencedLedger"/> as
/// the storage: $100, an old leader A holding token 33 that pauses (a GC pause) and wakes up still believing
/// it leads, and a new leader B with token 34, each paying out withdrawals. Every choice (when A pauses and for
/// how long, when B takes over, the amounts, the network's delays and duplicates) comes from the seed, so a
/// failing seed replays exactly.
/// </summary>
internal static class BankLedgerRun
{
    /// <summary>The balance the account opens with.</summary>
    public const long OpeningBalance = 100;

    private static readonly FencingToken OldToken = new(33);
    private static readonly FencingToken NewToken = new(34);

    /// <summary>What the storage paid, and the first broken rule (null if none), for one seed.</summary>
    public static (long Paid, long Balance, string? Violation) Run(long seed)
    {
        var sim = new Simulation(seed);
        sim.Network.DuplicationRate = 0.2;
        var store = new Store();
        sim.AddNode("Store", () => store);
        var plan = new SimRandom(seed * 7919 + 1);
        sim.AddNode("A", () => new Leader(OldToken, Amounts(plan), TimeSpan.FromMilliseconds(plan.NextInt64(0, 50))));
        sim.AddNode("B", () => new Leader(NewToken, Amounts(plan), TimeSpan.FromMilliseconds(plan.NextInt64(0, 400))));
        sim.At(TimeSpan.FromMilliseconds(plan.NextInt64(0, 30)), new PauseFault("A", TimeSpan.FromMilliseconds(plan.NextInt64(1, 500))));
        sim.Run(until: TimeSpan.FromSeconds(5));
        return (store.Paid, store.Ledger?.Balance ?? OpeningBalance, store.Violation);
    }

    private static long[] Amounts(SimRandom plan)
    {
        var amounts = new long[plan.NextInt64(1, 4)];
        for (int i = 0; i < amounts.Length; i++)
        {
            amounts[i] = plan.NextInt64(20, 70);
        }

        return amounts;
    }

    /// <summary>A withdrawal request from a leader.</summary>
    private sealed record Withdraw(FencingToken Token, long Amount, int Id) : Message;

    /// <summary>A leader: after a delay, sends its withdrawals with its token, one every few milliseconds.</summary>
    private sealed class Leader(FencingToken token, long[] amounts, TimeSpan startAfter) : Node
    {
        private int next;

        public override void OnStart() => SetTimer(startAfter, "send");

        public override void OnTimer(object tag)
        {
            if (next < amounts.Length)
            {
                Send(Simulation["Store"], new Withdraw(token, amounts[next], next));
                next++;
                SetTimer(TimeSpan.FromMilliseconds(5), "send");
            }
        }
    }

    /// <summary>The storage: the learner's ledger decides; this node only checks the rules after each decision.</summary>
    private sealed class Store : Node
    {
        private readonly HashSet<(FencingToken, int)> seen = [];
        private FencingToken? highestPaid;

        public FencedLedger? Ledger { get; private set; }

        public long Paid { get; private set; }

        public string? Violation { get; private set; }

        public override void OnStart() => Ledger = new FencedLedger(OpeningBalance);

        public override void OnMessage(Message message, NodeId from)
        {
            if (message is not Withdraw w || Ledger is null || !seen.Add((w.Token, w.Id)))
            {
                return; // a duplicate delivery of a request already decided
            }

            bool paid = Ledger.TryWithdraw(w.Token, w.Amount);
            Record(paid ? TraceKind.WriteAccepted : TraceKind.WriteRejected, new WriteDecision($"withdraw ${w.Amount}", w.Token, paid ? "paid" : "refused"), from);
            if (paid)
            {
                Paid += w.Amount;
                if (highestPaid is { } h && w.Token < h)
                {
                    Violation ??= $"a ${w.Amount} withdrawal with {w.Token} from {from} was paid after {h} had been paid (stale token accepted) at t={Simulation.Now.TotalMilliseconds:0} ms";
                }

                highestPaid = highestPaid is { } high && high > w.Token ? high : w.Token;
            }

            if (Paid > OpeningBalance || Ledger.Balance != OpeningBalance - Paid)
            {
                Violation ??= $"no-overdraft broken: paid ${Paid} from ${OpeningBalance}, balance ${Ledger.Balance} at t={Simulation.Now.TotalMilliseconds:0} ms";
            }
        }
    }
}
