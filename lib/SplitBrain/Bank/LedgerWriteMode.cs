namespace SplitBrain;

/// <summary>How a bank server turns a withdrawal into a write at the store.</summary>
public enum LedgerWriteMode
{
    /// <summary>
    /// Check the balance the server remembers, then write the new balance ("set $40") with no token.
    /// Two leaders that both remember $100 both pay.
    /// </summary>
    BlindUnfenced,

    /// <summary>
    /// On election, first read the balance at the store; then blind writes with no token. Correct while
    /// leaders take turns; two leaders at once both read $100 and both pay.
    /// </summary>
    ReadOnElectionUnfenced,

    /// <summary>
    /// The same blind write, stamped with the leader's term as fencing token. The store refuses deposed
    /// leaders, but a new leader that writes from a stale read still overdraws.
    /// </summary>
    BlindFenced,

    /// <summary>
    /// On election, first a fenced read at the store (which raises the store's highest token and fetches
    /// the real balance), then blind writes with the token. Deposed leaders are refused from that moment.
    /// </summary>
    FencedTakeover,

    /// <summary>
    /// A conditional write with the token: "take $60 if the balance covers it", checked and done at the
    /// store in one step. Safe whatever the server remembers.
    /// </summary>
    ConditionalFenced,
}
