namespace SplitBrain.Lab;

/// <summary>What a lab ledger's guard decided about one withdrawal.</summary>
/// <param name="Accepted">Whether the money was taken.</param>
/// <param name="Token">The token the withdrawal carried.</param>
/// <param name="Reason"><c>ok</c>, or why it was refused: <c>token 33 &lt; highest seen 34</c>.</param>
/// <param name="Balance">The balance after the decision.</param>
public sealed record GuardVerdict(bool Accepted, FencingToken Token, string Reason, long Balance)
{
    /// <summary>Reads like <c>token 34: accepted, balance $80</c>.</summary>
    public override string ToString() => $"{Token}: {(Accepted ? "accepted" : "refused")} ({Reason}), balance ${Balance}";
}
