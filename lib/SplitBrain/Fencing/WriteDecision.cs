namespace SplitBrain;

/// <summary>
/// What a store decided about one write: the detail of a <see cref="TraceKind.WriteAccepted"/> or
/// <see cref="TraceKind.WriteRejected"/> line. The trace line's node is the store, its peer the writer.
/// </summary>
/// <param name="Operation">What the write does, in words: <c>withdraw $60 from acct-1</c>, <c>run job 17</c>.</param>
/// <param name="Token">The fencing token the write carried, if any.</param>
/// <param name="Reason">Why the store decided so: <c>token 33 &lt; highest seen 34</c>, <c>no guard</c>.</param>
public sealed record WriteDecision(string Operation, FencingToken? Token, string Reason)
{
    /// <summary>Reads like <c>withdraw $60 with token 34: ok</c>.</summary>
    public override string ToString() =>
        Token is { } token ? $"{Operation} with {token}: {Reason}" : $"{Operation}: {Reason}";
}
