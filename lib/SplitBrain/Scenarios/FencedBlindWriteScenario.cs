namespace SplitBrain;

/// <summary>
/// fenced-blind-write: the store checks tokens, yet the bank still overdraws. The old leader A withdraws
/// $60 at 2 s with token 1, and the store, which has not heard of term 2 yet, accepts. At 2.5 s the new
/// leader, still believing the $100 it saw as a follower, writes "balance $40" with token 2: higher, so
/// accepted. $120 paid. The fix is a conditional write: "take $60 if the balance covers it", checked and
/// done at the store together with the token.
/// </summary>
public sealed class FencedBlindWriteScenario : ThreeServerBankScenario
{
    /// <summary>Makes the scenario, optionally with your own guard at the ledger store (for example your exercise's fencing guard).</summary>
    /// <param name="storeGuard">Builds the store's guard from its durable state; null for the scenario's own.</param>
    public FencedBlindWriteScenario(Func<DurableState, StorageGuard>? storeGuard = null)
        : base(storeGuard)
    {
    }

    /// <inheritdoc />
    public override string Name => "fenced-blind-write";

    /// <inheritdoc />
    public override string Summary => "the store checks tokens, but a new leader writes a balance it read earlier: fencing alone still overdraws";

    /// <inheritdoc />
    public override string Protection => "off: token check with blind writes; on: token check and a conditional write at the store";

    /// <inheritdoc />
    protected override TimeSpan SecondWithdrawalAt => TimeSpan.FromSeconds(2.5);

    /// <inheritdoc />
    protected override LedgerWriteMode ModeFor(bool fencing) => fencing ? LedgerWriteMode.ConditionalFenced : LedgerWriteMode.BlindFenced;

    /// <inheritdoc />
    protected override bool GuardedFor(bool fencing) => true;
}
