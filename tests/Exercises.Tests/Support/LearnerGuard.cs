namespace Course.Exercises.Graded;

/// <summary>
/// The learner's <see cref="FencingGuard"/> (exercise 2) as the storage guard of the library's bank-ledger
/// scenario. The guard itself lives in memory; this adapter keeps its highest token on the store's disk and
/// feeds it back after a restart, so a crash of the store tests the guard's rule, not its durability.
/// </summary>
internal sealed class LearnerGuard : StorageGuard
{
    private const string HighestKey = "learner-guard/highest";
    private readonly DurableState disk;
    private readonly FencingGuard guard = new();

    public LearnerGuard(DurableState disk)
    {
        this.disk = disk;
        if (disk.Contains(HighestKey))
        {
            guard.TryAccept(new FencingToken(disk.Get(HighestKey, 0L)));
        }
    }

    public override string Name => "your fencing guard (exercise 2)";

    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        if (token is not { } t)
        {
            reason = "no token";
            return false;
        }

        bool admitted = guard.TryAccept(t);
        if (admitted && guard.Highest is { } highest)
        {
            disk.Set(HighestKey, highest.Value);
        }

        reason = admitted ? "ok" : $"{t} < highest seen {guard.Highest}";
        return admitted;
    }
}
