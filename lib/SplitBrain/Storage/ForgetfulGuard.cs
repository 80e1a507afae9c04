namespace SplitBrain;

/// <summary>
/// A fencing-token guard with one flaw, kept for the lesson: the highest token lives in memory only.
/// After the store restarts it has forgotten every token, and the first stale write it sees is admitted.
/// </summary>
public sealed class ForgetfulGuard : StorageGuard
{
    private FencingToken? highest;

    /// <inheritdoc />
    public override string Name => "fencing token (in memory only)";

    /// <inheritdoc />
    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        if (token is not { } offered)
        {
            reason = "refused: the write carries no fencing token";
            return false;
        }

        if (highest is { } known && offered < known)
        {
            reason = $"refused: {offered} < highest seen {known.Value}";
            return false;
        }

        highest = offered;
        reason = "ok";
        return true;
    }
}
