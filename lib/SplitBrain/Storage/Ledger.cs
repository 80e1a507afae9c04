namespace SplitBrain;

/// <summary>
/// One bank account as the store keeps it: the balance, a version that goes up with every write, and the
/// requests whose effect the balance still contains.
/// </summary>
/// <remarks>
/// A blind write ("set the balance to $40") computed from an old version silently erases every write
/// made since that version. The ledger keeps track of that, so a checker can tell which acknowledged
/// withdrawals were lost.
/// </remarks>
public sealed class Ledger
{
    private readonly List<(long Version, string RequestId)> effective = [];

    /// <summary>Opens the account with <paramref name="initialBalance"/> dollars.</summary>
    /// <param name="initialBalance">The opening balance; zero or more.</param>
    public Ledger(long initialBalance)
    {
        if (initialBalance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(initialBalance), initialBalance, "An opening balance is zero or more dollars.");
        }

        InitialBalance = initialBalance;
        Balance = initialBalance;
    }

    /// <summary>The opening balance.</summary>
    public long InitialBalance { get; }

    /// <summary>The balance now.</summary>
    public long Balance { get; private set; }

    /// <summary>How many writes were applied; a reader remembers it to say what its later write was based on.</summary>
    public long Version { get; private set; }

    /// <summary>The requests whose effect the balance still contains, oldest first.</summary>
    public IEnumerable<string> EffectiveRequests => effective.Select(e => e.RequestId);

    /// <summary>
    /// A blind write: sets the balance to <paramref name="newBalance"/>, computed by the writer from what it read
    /// at <paramref name="basedOnVersion"/>. Every write after that version is overwritten.
    /// </summary>
    /// <param name="requestId">The request this write carries out.</param>
    /// <param name="newBalance">The balance the writer computed.</param>
    /// <param name="basedOnVersion">The version the writer read.</param>
    public void SetBalance(string requestId, long newBalance, long basedOnVersion)
    {
        effective.RemoveAll(e => e.Version > basedOnVersion);
        Balance = newBalance;
        Version++;
        effective.Add((Version, requestId));
    }

    /// <summary>
    /// A conditional write: takes <paramref name="amount"/> only if the balance covers it, checked and
    /// changed in one step, here at the store.
    /// </summary>
    /// <param name="requestId">The request this write carries out.</param>
    /// <param name="amount">Dollars to take; more than zero.</param>
    /// <returns>Whether the money was there.</returns>
    public bool TryDebit(string requestId, long amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A withdrawal takes more than $0.");
        }

        if (Balance < amount)
        {
            return false;
        }

        Balance -= amount;
        Version++;
        effective.Add((Version, requestId));
        return true;
    }
}
