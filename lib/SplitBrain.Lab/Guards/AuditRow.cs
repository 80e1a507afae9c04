namespace SplitBrain.Lab;

/// <summary>One accepted withdrawal as the store's audit table keeps it.</summary>
/// <param name="Sequence">The commit order: 1 for the first accepted withdrawal.</param>
/// <param name="Writer">Who wrote it.</param>
/// <param name="Token">The token it carried.</param>
/// <param name="Amount">Dollars taken.</param>
/// <param name="BalanceAfter">The balance right after it.</param>
public sealed record AuditRow(long Sequence, string Writer, FencingToken Token, long Amount, long BalanceAfter)
{
    /// <summary>
    /// Counts the stale writes among <paramref name="rows"/>: accepted withdrawals whose token is lower than a token
    /// accepted before them. A correct fencing guard never lets one through.
    /// </summary>
    /// <param name="rows">An audit, in commit order.</param>
    public static int CountStale(IEnumerable<AuditRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long highest = long.MinValue;
        int stale = 0;
        foreach (var row in rows.OrderBy(r => r.Sequence))
        {
            if (row.Token.Value < highest)
            {
                stale++;
            }

            highest = Math.Max(highest, row.Token.Value);
        }

        return stale;
    }
}
