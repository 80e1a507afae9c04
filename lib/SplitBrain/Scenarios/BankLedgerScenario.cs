namespace SplitBrain;

/// <summary>
/// bank-ledger: three bank servers; A leads. At 1 s a partition cuts A (and client-1) off from B and C,
/// which elect a new leader. At 2 s each client withdraws $60 from the $100 account on its own side.
/// Without fencing both leaders pay: $120 leaves a $100 account. With fencing the new leader takes over
/// at the store with its higher token, and the store refuses the old leader's write.
/// </summary>
public sealed class BankLedgerScenario : ThreeServerBankScenario
{
    /// <summary>Makes the scenario, optionally with your own guard at the ledger store (for example your exercise's fencing guard).</summary>
    /// <param name="storeGuard">Builds the store's guard from its durable state; null for the scenario's own.</param>
    public BankLedgerScenario(Func<DurableState, StorageGuard>? storeGuard = null)
        : base(storeGuard)
    {
    }

    /// <inheritdoc />
    public override string Name => "bank-ledger";

    /// <inheritdoc />
    public override string Summary => "leader cut off, both sides take a $60 withdrawal from $100: $120 paid out without fencing";

    /// <inheritdoc />
    public override string Protection => "servers stamp writes with their term; the store refuses lower tokens; a new leader first reads the balance at the store with its token";

    /// <inheritdoc />
    protected override TimeSpan SecondWithdrawalAt => TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    protected override LedgerWriteMode ModeFor(bool fencing) => fencing ? LedgerWriteMode.FencedTakeover : LedgerWriteMode.BlindUnfenced;

    /// <inheritdoc />
    protected override bool GuardedFor(bool fencing) => fencing;
}
