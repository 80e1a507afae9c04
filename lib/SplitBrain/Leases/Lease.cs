namespace SplitBrain;

/// <summary>
/// A lease: the right to act as the one holder of a resource until <paramref name="ExpiresAt"/>, as
/// judged by the lock service's own clock. Each grant carries a fresh, strictly higher fencing token.
/// </summary>
/// <param name="Resource">What the lease is for, like <c>scheduler</c>.</param>
/// <param name="Holder">Who holds it.</param>
/// <param name="Token">The fencing token of this grant.</param>
/// <param name="ExpiresAt">When it runs out, on the lock service's clock.</param>
/// <param name="Ttl">How long each grant or renewal lasts.</param>
public sealed record Lease(string Resource, NodeId Holder, FencingToken Token, DateTimeOffset ExpiresAt, TimeSpan Ttl)
{
    /// <summary>Reads like <c>scheduler to A with token 33 for 10s</c>.</summary>
    public override string ToString() => $"{Resource} to {Holder} with {Token} for {Fault.Seconds(Ttl)}";
}
