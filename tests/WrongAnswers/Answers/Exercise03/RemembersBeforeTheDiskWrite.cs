// Mistake: the highest token is raised in memory before the disk write, so a write that failed still counts
// Caught by: the failed write never happened
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 3, as a learner might write it (see the Mistake line above).</summary>
public sealed class DurableGuard
{
    private const string HighestKey = "guard/highest-token";
    private const string DataPrefix = "data/";
    private readonly Disk disk;

    /// <summary>Opens the guarded store on <paramref name="disk"/>, picking up whatever an earlier run left there.</summary>
    /// <param name="disk">The disk that survives restarts.</param>
    public DurableGuard(Disk disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        this.disk = disk;
        Highest = disk.Read(HighestKey) is { } stored ? new FencingToken(stored) : null;
    }

    /// <summary>The highest token accepted, by this run or any earlier run on the same disk; null if none yet.</summary>
    public FencingToken? Highest { get; private set; }

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/> if <paramref name="token"/> is not stale.</summary>
    /// <param name="token">The writer's fencing token.</param>
    /// <param name="key">The name of the value, for example <c>acct-1</c>.</param>
    /// <param name="value">The new value.</param>
    /// <returns>True if the write was accepted and stored; false if the token was stale.</returns>
    public bool TryWrite(FencingToken token, string key, long value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (Highest is { } highest && token < highest)
        {
            return false;
        }

        Highest = token;
        disk.WriteBatch(new Dictionary<string, long> { [HighestKey] = token.Value, [DataPrefix + key] = value });
        return true;
    }

    /// <summary>The value stored under <paramref name="key"/>, or null if none.</summary>
    /// <param name="key">The name of the value.</param>
    public long? Read(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return disk.Read(DataPrefix + key);
    }
}
