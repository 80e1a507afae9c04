namespace SplitBrain.Lab;

/// <summary>How a lab ledger checks fencing tokens.</summary>
public enum LedgerGuard
{
    /// <summary>
    /// The fencing guard: one transaction raises the stored highest token only if the write's token is not lower
    /// (<c>UPDATE fence SET max_token=@t WHERE resource=@r AND max_token &lt;= @t</c>), then withdraws, then audits.
    /// Zero rows updated means the token is stale, and the transaction rolls back.
    /// </summary>
    Atomic,

    /// <summary>
    /// A bad example kept on purpose: read the highest token, compare in the client, then write in a second step.
    /// Between the check and the write another writer can commit a higher token, and the stale write still lands.
    /// </summary>
    CheckThenWrite,
}
