// Mistake: the ledger checks the balance but no token, so a deposed leader is paid while money is left
// Caught by: leader 33 was replaced
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 10, as a learner might write it (see the Mistake line above).</summary>
public sealed class FencedLedger
{
    /// <summary>Opens the account with <paramref name="openingBalance"/> dollars.</summary>
    /// <param name="openingBalance">The balance to start with; zero or more.</param>
    public FencedLedger(long openingBalance)
    {
        if (openingBalance < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(openingBalance), openingBalance, "An account opens with zero dollars or more.");
        }

        Balance = openingBalance;
    }

    /// <summary>The balance now, in dollars; never below zero.</summary>
    public long Balance { get; private set; }

    /// <summary>The highest token seen on a withdrawal that passed the token check; null before the first.</summary>
    public FencingToken? Highest { get; private set; }

    /// <summary>Pays out <paramref name="amount"/> if the token is current and the money is there, in one step.</summary>
    /// <param name="token">The withdrawing leader's token.</param>
    /// <param name="amount">The dollars to pay out; more than zero.</param>
    /// <returns>True if the money was paid out.</returns>
    public bool TryWithdraw(FencingToken token, long amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A withdrawal pays out more than zero dollars.");
        }

        if (Highest is not { } highest || token > highest)
        {
            Highest = token;
        }

        if (amount > Balance)
        {
            return false;
        }

        Balance -= amount;
        return true;
    }
}
