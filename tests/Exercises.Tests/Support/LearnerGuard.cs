namespace Course.Exercises.Graded;

/// <summary>
/// The learner's token checks as the storage guard of the library's bank-ledger scenario: the
/// <see cref="FencingGuard"/> of exercise 2 and the token check of the <see cref="FencedLedger"/> of exercise 10
/// (a ledger with money to spare, so only its token rule decides). A write goes through only if both admit it;
/// both see every write. The library's <see cref="TokenCheckGuard"/> keeps the guard's highest token on the
/// store's disk and feeds it back to both after a restart, so a crash of the store tests the rule, not its durability.
/// </summary>
internal static class LearnerGuard
{
    private const long Plenty = long.MaxValue / 2;

    /// <summary>A fresh pair of the learner's checks at a store whose durable state is <paramref name="disk"/>.</summary>
    public static StorageGuard At(DurableState disk)
    {
        var guard = new FencingGuard();
        var ledger = new FencedLedger(Plenty);
        return StorageGuard.FromCheck(
            "your fencing guard (exercise 2) and your ledger's token check (exercise 10)",
            token =>
            {
                bool byGuard = guard.TryAccept(token);
                bool byLedger = ledger.TryWithdraw(token, 1);
                return byGuard && byLedger;
            },
            disk,
            highest: () => guard.Highest);
    }
}
