namespace SplitBrain;

/// <summary>
/// The detail of a <see cref="TraceKind.Acknowledged"/> line: a server told a client that its request was
/// done. For a withdrawal, the money has left the bank.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="Operation">What was done, in words.</param>
/// <param name="Amount">Dollars paid out (0 for writes that move no money).</param>
public sealed record Acknowledgement(string RequestId, string Operation, long Amount)
{
    /// <summary>Reads like <c>w1: paid $60</c>.</summary>
    public override string ToString() => $"{RequestId}: {Operation}";
}
