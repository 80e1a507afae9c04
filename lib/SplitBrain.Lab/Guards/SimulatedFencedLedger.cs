namespace SplitBrain.Lab;

/// <summary>
/// The simulation's own store behind the lab's interface: <see cref="StorageGuard.Fencing"/> over a
/// <see cref="DurableState"/>, and a <see cref="Ledger"/> that takes money only if the balance covers it. It lives
/// in memory, in one process, so it shows the rules, not durability. Only the atomic guard is offered: the
/// simulation's guard checks and remembers in one step.
/// </summary>
public sealed class SimulatedFencedLedger : IFencedLedger
{
    private readonly Lock gate = new();
    private readonly DurableState disk = new();
    private readonly List<AuditRow> audit = [];
    private FencingTokenGuard? guard;
    private Ledger? ledger;

    /// <inheritdoc />
    public string StoreName => "simulation";

    /// <inheritdoc />
    public LedgerGuard Guard => LedgerGuard.Atomic;

    /// <inheritdoc />
    public Task CreateAsync(long openingBalance, CancellationToken cancellationToken = default)
    {
        WithdrawalRules.CheckOpening(openingBalance);
        lock (gate)
        {
            guard ??= new FencingTokenGuard(disk);
            ledger ??= new Ledger(openingBalance);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<GuardVerdict> WithdrawAsync(string writer, FencingToken token, long amount, CancellationToken cancellationToken = default)
    {
        WithdrawalRules.Check(writer, token, amount);
        lock (gate)
        {
            var (g, l) = Opened();
            if (g.Highest is { } highest && token < highest)
            {
                return Task.FromResult(new GuardVerdict(false, token, WithdrawalRules.Stale(token, highest.Value), l.Balance));
            }

            if (l.Balance < amount)
            {
                return Task.FromResult(new GuardVerdict(false, token, WithdrawalRules.Uncovered(l.Balance, amount), l.Balance));
            }

            g.TryAdmit(token, out _);
            l.TryDebit($"{writer}-{audit.Count + 1}", amount);
            audit.Add(new AuditRow(audit.Count + 1, writer, token, amount, l.Balance));
            return Task.FromResult(new GuardVerdict(true, token, "ok", l.Balance));
        }
    }

    /// <inheritdoc />
    public Task<FencingToken?> HighestTokenAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(Opened().Guard.Highest);
        }
    }

    /// <inheritdoc />
    public Task<long> BalanceAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(Opened().Ledger.Balance);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRow>> AuditAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditRow>>([.. audit]);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private (FencingTokenGuard Guard, Ledger Ledger) Opened() =>
        guard is not null && ledger is not null ? (guard, ledger) : throw new InvalidOperationException("The ledger has no account yet: call CreateAsync first.");
}
