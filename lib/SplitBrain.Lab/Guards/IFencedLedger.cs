namespace SplitBrain.Lab;

/// <summary>
/// A bank ledger in a real store with a fencing guard in front of it: the lab's version of
/// <see cref="FencedStore"/>. Every withdrawal carries the writer's <see cref="FencingToken"/>; the store keeps
/// the highest token it has admitted next to the balance, in the same transaction, and refuses a lower one.
/// </summary>
/// <remarks>
/// Three stores implement it: <see cref="SqliteFencedLedger"/> (the embedded default, a file),
/// <see cref="PostgresFencedLedger"/> (a database server) and <see cref="SimulatedFencedLedger"/> (the simulation's
/// own <see cref="FencingTokenGuard"/> and <see cref="Ledger"/>, in memory). The same tests run against all three.
/// </remarks>
public interface IFencedLedger : IAsyncDisposable
{
    /// <summary>The store's short name: <c>sqlite</c>, <c>postgres</c> or <c>simulation</c>.</summary>
    string StoreName { get; }

    /// <summary>How this ledger checks tokens: the atomic guard, or the check-then-write bad example.</summary>
    LedgerGuard Guard { get; }

    /// <summary>Creates the tables and opens the account with <paramref name="openingBalance"/>, if not done already.</summary>
    /// <param name="openingBalance">Dollars in the account at the start; zero or more.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    Task CreateAsync(long openingBalance, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes <paramref name="amount"/> dollars if <paramref name="token"/> is not lower than the highest token the
    /// store has admitted and the balance covers it, and records an audit row, all in one transaction.
    /// </summary>
    /// <param name="writer">Who writes, for the audit: <c>client-1</c>.</param>
    /// <param name="token">The writer's fencing token; 1 or more.</param>
    /// <param name="amount">Dollars to take; more than zero.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>What the guard decided, and the balance after it.</returns>
    Task<GuardVerdict> WithdrawAsync(string writer, FencingToken token, long amount, CancellationToken cancellationToken = default);

    /// <summary>The highest token the store has admitted, or null before the first write.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    Task<FencingToken?> HighestTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>The balance now.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    Task<long> BalanceAsync(CancellationToken cancellationToken = default);

    /// <summary>Every accepted withdrawal, in the order the store committed them.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    Task<IReadOnlyList<AuditRow>> AuditAsync(CancellationToken cancellationToken = default);
}
