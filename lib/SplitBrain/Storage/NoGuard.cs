namespace SplitBrain;

/// <summary>Admits every write. Two leaders both write, and the store takes both.</summary>
public sealed class NoGuard : StorageGuard
{
    /// <inheritdoc />
    public override string Name => "none";

    /// <inheritdoc />
    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        reason = "no guard";
        return true;
    }
}
