namespace SplitBrain;

/// <summary>
/// The fencing-token guard: refuse a token lower than the highest already admitted, admit an equal one
/// (the same leader carrying on) or a higher one (a new leader), and remember the highest.
/// The highest token lives in the store's <see cref="DurableState"/>, next to the data, so a restart
/// of the store cannot make it forget who was deposed.
/// </summary>
/// <param name="disk">Where the highest token is kept.</param>
public sealed class FencingTokenGuard(DurableState disk) : StorageGuard
{
    private const string HighestKey = "highestToken";

    /// <inheritdoc />
    public override string Name => "fencing token";

    /// <summary>The highest token admitted so far, if any.</summary>
    public FencingToken? Highest => disk.Contains(HighestKey) ? new FencingToken(disk.Get(HighestKey, 0L)) : null;

    /// <inheritdoc />
    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        if (token is not { } offered)
        {
            reason = "refused: the write carries no fencing token";
            return false;
        }

        if (Highest is { } highest && offered < highest)
        {
            reason = $"refused: {offered} < highest seen {highest.Value}";
            return false;
        }

        disk.Set(HighestKey, offered.Value);
        reason = "ok";
        return true;
    }
}
