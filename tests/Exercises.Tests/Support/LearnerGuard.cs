namespace Course.Exercises.Graded;

/// <summary>
/// The learner's token checks as the storage guard of the library's bank-ledger scenario: the
/// <see cref="FencingGuard"/> of exercise 2 and the token check of the <see cref="FencedLedger"/> of exercise 10
/// (a ledger with money to spare, so only its token rule decides). A write goes through only if both admit it;
/// both see every write. The checks themselves live in memory; this adapter keeps the highest token on the
/// store's disk and feeds it back after a restart, so a crash of the store tests the rule, not its durability.
/// </summary>
internal sealed class LearnerGuard : StorageGuard
{
    private const string HighestKey = "learner-guard/highest";
    private const long Plenty = long.MaxValue / 2;
    private readonly DurableState disk;
    private readonly FencingGuard guard = new();
    private readonly FencedLedger ledger = new(Plenty);

    public LearnerGuard(DurableState disk)
    {
        this.disk = disk;
        if (disk.Contains(HighestKey))
        {
            var highest = new FencingToken(disk.Get(HighestKey, 0L));
            guard.TryAccept(highest);
            ledger.TryWithdraw(highest, 1);
        }
    }

    public override string Name => "your fencing guard (exercise 2) and your ledger's token check (exercise 10)";

    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        if (token is not { } t)
        {
            reason = "no token";
            return false;
        }

        bool byGuard = guard.TryAccept(t);
        bool byLedger = ledger.TryWithdraw(t, 1);
        bool admitted = byGuard && byLedger;
        if (admitted && guard.Highest is { } highest)
        {
            disk.Set(HighestKey, highest.Value);
        }

        reason = admitted ? "ok" : $"{t} refused by {(byGuard ? "" : "the guard ")}{(byLedger ? "" : "the ledger ")}(highest seen {guard.Highest})";
        return admitted;
    }
}
