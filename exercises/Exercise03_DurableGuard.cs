namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 3: a durable guard.</b> Lesson: fencing tokens and storage guards (the forgetful-storage scenario).</para>
/// <para><b>Task.</b> A store of named balances guarded by fencing tokens, that keeps both on a <see cref="Disk"/>.
/// A restart is a new <see cref="DurableGuard"/> on the same disk: it must remember the highest token, or the
/// deposed leader's stale write is accepted the moment the store comes back.</para>
/// <para><b>Rules from the lesson.</b> Refuse a write whose token is lower than the highest accepted; accept
/// equal and higher. Keep the highest token on the disk, not only in memory. Store it <i>atomically with the
/// data</i>: the power can fail between any two writes, and after a restart the disk must never hold the new
/// value with the old highest token (nor the other way round). A write the disk refused (it throws) did not happen.</para>
/// <para><b>Hint.</b> <see cref="Disk.WriteBatch"/> lands whole or not at all. Read the highest token back in the constructor.</para>
/// </summary>
public sealed class DurableGuard
{
    /// <summary>Opens the guarded store on <paramref name="disk"/>, picking up whatever an earlier run left there.</summary>
    /// <param name="disk">The disk that survives restarts.</param>
    public DurableGuard(Disk disk) => throw new NotImplementedException();

    /// <summary>The highest token accepted, by this run or any earlier run on the same disk; null if none yet.</summary>
    public FencingToken? Highest => throw new NotImplementedException();

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> if <paramref name="token"/> is not stale.</summary>
    /// <param name="token">The writer's fencing token.</param>
    /// <param name="key">The name of the value, for example <c>acct-1</c>.</param>
    /// <param name="value">The new value.</param>
    /// <returns>True if the write was accepted and stored; false if the token was stale.</returns>
    public bool TryWrite(FencingToken token, string key, long value) => throw new NotImplementedException();

    /// <summary>The value stored under <paramref name="key"/>, or null if none.</summary>
    /// <param name="key">The name of the value.</param>
    public long? Read(string key) => throw new NotImplementedException();
}
