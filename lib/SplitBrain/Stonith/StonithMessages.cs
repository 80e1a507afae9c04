namespace SplitBrain;

/// <summary>A primary tells the failover controller it is alive.</summary>
public sealed record Alive : Message;

/// <summary>The controller asks the power switch to cut the power of <paramref name="Target"/>.</summary>
/// <param name="Target">The node to power off.</param>
public sealed record PowerOff(string Target) : Message;

/// <summary>The power switch confirms that <paramref name="Target"/> is off.</summary>
/// <param name="Target">The node that is now off.</param>
public sealed record PowerOffConfirmed(string Target) : Message;

/// <summary>The controller makes a standby the primary, with a new, higher token.</summary>
/// <param name="Token">The new primary's token (its generation).</param>
public sealed record Promote(FencingToken Token) : Message;

/// <summary>
/// The detail of the <see cref="TraceKind.LeaseGranted"/> line a failover controller records when it
/// promotes a node: who became primary, with which token.
/// </summary>
/// <param name="Primary">The new primary.</param>
/// <param name="Token">Its token.</param>
public sealed record Promotion(NodeId Primary, FencingToken Token)
{
    /// <summary>Reads like <c>B promoted with token 2</c>.</summary>
    public override string ToString() => $"{Primary} promoted with {Token}";
}
