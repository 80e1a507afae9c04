namespace SplitBrain;

/// <summary>
/// A guard that asks "do you hold the lease?" and believes the answer: any write that carries a token is
/// admitted. It looks like a check, but the writer that is wrong about its lease is exactly the one it lets through.
/// </summary>
public sealed class LeaseTrustingGuard : StorageGuard
{
    /// <inheritdoc />
    public override string Name => "trusts the writer's lease";

    /// <inheritdoc />
    public override bool TryAdmit(FencingToken? token, out string reason)
    {
        if (token is null)
        {
            reason = "refused: the writer claims no lease";
            return false;
        }

        reason = "the writer says it holds the lease";
        return true;
    }
}
