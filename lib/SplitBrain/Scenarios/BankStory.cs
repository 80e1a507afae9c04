namespace SplitBrain;

/// <summary>One withdrawal in a bank story: who asks, how much, when, and which servers the client knows.</summary>
/// <param name="Client">The client node's name.</param>
/// <param name="RequestId">The withdrawal's name, like <c>w1</c>.</param>
/// <param name="Amount">Dollars.</param>
/// <param name="At">When the client asks.</param>
/// <param name="Servers">The servers the client knows, the one it asks first at the front.</param>
public sealed record PlannedWithdrawal(string Client, string RequestId, long Amount, TimeSpan At, IReadOnlyList<string> Servers);

/// <summary>
/// The cast of every bank scenario: elected bank servers, one shared ledger store that every side can
/// reach, clients with withdrawals, and a partition.
/// </summary>
public sealed record BankStory
{
    /// <summary>The name of the shared store node.</summary>
    public const string StoreName = "ledger";

    /// <summary>The process that opens the account in a run's history: its first operation deposits the opening balance.</summary>
    public const string HistoryTeller = "bank";

    /// <summary>The opening balance: $100.</summary>
    public const long OpeningBalance = 100;

    /// <summary>The bank servers; the first one leads term 1.</summary>
    public required IReadOnlyList<string> Servers { get; init; }

    /// <summary>The withdrawals.</summary>
    public required IReadOnlyList<PlannedWithdrawal> Withdrawals { get; init; }

    /// <summary>The partition, like <c>"A,client-1 | B,C,client-2"</c>; the store stays reachable from every side.</summary>
    public required string Partition { get; init; }

    /// <summary>When the partition starts.</summary>
    public TimeSpan PartitionAt { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The election quorum.</summary>
    public required Quorum Quorum { get; init; }

    /// <summary>Whether leaders step down when they lose their quorum.</summary>
    public bool CheckQuorum { get; init; }

    /// <summary>How servers write withdrawals.</summary>
    public required LedgerWriteMode Mode { get; init; }

    /// <summary>Whether the store checks fencing tokens (else it has no guard).</summary>
    public required bool Guarded { get; init; }

    /// <summary>If set, the store's guard, built from the store's durable state; it replaces the one <see cref="Guarded"/> picks. This is where a learner's own guard goes.</summary>
    public Func<DurableState, StorageGuard>? Guard { get; init; }

    /// <summary>Adds the cast to <paramref name="simulation"/> and schedules the partition.</summary>
    /// <param name="simulation">A fresh simulation.</param>
    /// <returns>How to read the facts for the checkers after the run.</returns>
    public Func<Simulation, RunFacts> Build(Simulation simulation)
    {
        var settings = new ElectionSettings { Quorum = Quorum, CheckQuorum = CheckQuorum };
        bool guarded = Guarded;
        var makeGuard = Guard ?? (disk => guarded ? StorageGuard.Fencing(disk) : StorageGuard.None());
        var history = new HistoryRecorder();
        history.Invoke(HistoryTeller, "deposit", OpeningBalance, TimeSpan.Zero);
        history.Ok(HistoryTeller, OpeningBalance, TimeSpan.Zero);
        simulation.AddNode(StoreName, () => new FencedStore(OpeningBalance, makeGuard));
        for (int i = 0; i < Servers.Count; i++)
        {
            var mine = i == 0 ? settings with { FirstTimeout = TimeSpan.FromMilliseconds(50) } : settings;
            simulation.AddNode(Servers[i], () => new BankServer(mine, Servers.ToArray(), StoreName, OpeningBalance, Mode));
        }

        foreach (var w in Withdrawals)
        {
            simulation.AddNode(w.Client, () => new BankClient(w.RequestId, w.Amount, w.At, w.Servers, history));
        }

        return finished => new RunFacts(finished.Trace, OpeningBalance, finished.DurableOf(finished[StoreName]).Get<Ledger?>("ledger", null))
        {
            History = history.ToHistory(),
        };
    }

    /// <summary>The story's one fault: the partition.</summary>
    public IReadOnlyList<ScheduledFault> Script => [new(PartitionAt, new PartitionFault(Partition))];

    /// <summary>The figures every bank story reports: opening balance, money paid out, final balance.</summary>
    /// <param name="facts">The finished run's facts.</param>
    /// <param name="figures">Where to put them.</param>
    public static void AddFigures(RunFacts facts, IDictionary<RunFigure, long> figures)
    {
        figures[RunFigure.InitialBalance] = OpeningBalance;
        figures[RunFigure.PaidOut] = facts.Trace.Protocol.OfKind<Acknowledgement>(TraceKind.Acknowledged).Sum(paid => paid.Detail.Amount);
        figures[RunFigure.WithdrawalsPaid] = facts.Trace.Protocol.Count(e => e.Kind == TraceKind.Acknowledged);
        if (facts.FinalLedger is { } ledger)
        {
            figures[RunFigure.FinalBalance] = ledger.Balance;
        }
    }
}
