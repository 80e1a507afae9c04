namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 10: the bank ledger, fenced at the storage.</b> Lessons: the double withdrawal, and the fenced-blind-write scenario.</para>
/// <para><b>Task.</b> The account the bank-ledger scenario fights over: $100, and two leaders on two sides of a
/// partition, each paying out $60. Write the storage side so that whatever the schedule, the balance never goes
/// below zero and a deposed leader's withdrawal is refused.</para>
/// <para><b>Rules from the lesson.</b> A withdrawal carries its leader's token. Refuse a token lower than the
/// highest seen (the leader was replaced); a token that passes this check is remembered even if the money is short.
/// Check the balance and debit it <i>in the same step</i>, here at the storage: a leader that read the balance
/// earlier and sends the new balance ("blind write") overdraws even with fencing. Refuse a withdrawal larger than
/// the balance. A negative opening balance or an amount of zero or less is a mistake: throw
/// <see cref="ArgumentOutOfRangeException"/> naming the parameter.</para>
/// <para><b>Graded end to end.</b> Besides unit tests, this ledger runs as the store of a small bank-ledger
/// simulation over 200 seeds, and its token check, with your <see cref="FencingGuard"/> from exercise 2, guards the
/// store of the library's bank-ledger scenario while the explorer throws 100 random fault schedules at it.</para>
/// <para><b>Hint.</b> The token check from exercise 2, then one <c>if</c> on the balance, then the debit.</para>
/// </summary>
public sealed class FencedLedger
{
    /// <summary>Opens the account with <paramref name="openingBalance"/> dollars.</summary>
    /// <param name="openingBalance">The balance to start with; zero or more.</param>
    public FencedLedger(long openingBalance) => throw new NotImplementedException();

    /// <summary>The balance now, in dollars; never below zero.</summary>
    public long Balance => throw new NotImplementedException();

    /// <summary>The highest token seen on a withdrawal that passed the token check; null before the first.</summary>
    public FencingToken? Highest => throw new NotImplementedException();

    /// <summary>Pays out <paramref name="amount"/> if the token is current and the money is there, in one step.</summary>
    /// <param name="token">The withdrawing leader's token.</param>
    /// <param name="amount">The dollars to pay out; more than zero.</param>
    /// <returns>True if the money was paid out.</returns>
    public bool TryWithdraw(FencingToken token, long amount) => throw new NotImplementedException();
}
