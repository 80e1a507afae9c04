using Microsoft.Coyote.Actors;

namespace SplitBrain.Coyote;

/// <summary>
/// The ledger store of the Coyote model: $100, the highest token seen, and the money paid out. The
/// no-overdraft check is a Coyote assertion on every accepted write.
/// </summary>
[OnEventDoAction(typeof(FencedRead), nameof(OnFencedRead))]
[OnEventDoAction(typeof(SetBalance), nameof(OnSetBalance))]
[OnEventDoAction(typeof(Debit), nameof(OnDebit))]
internal sealed class LedgerStore : Actor
{
    public const int InitialBalance = 100;
    private int balance = InitialBalance;
    private int paidOut;
    private long highestToken;
    private bool guarded;

    protected override Task OnInitializeAsync(Event initialEvent)
    {
        guarded = ((StoreSetup)initialEvent).Guarded;
        return Task.CompletedTask;
    }

    private void OnFencedRead(Event e)
    {
        var read = (FencedRead)e;
        highestToken = Math.Max(highestToken, read.Token);
        SendEvent(read.From, new BalanceIs(balance));
    }

    private void OnSetBalance(Event e)
    {
        var write = (SetBalance)e;
        bool accepted = Admit(write.Token);
        if (accepted)
        {
            balance = write.Balance;
            Pay(write.Paid);
        }

        SendEvent(write.From, new WriteDone(accepted));
    }

    private void OnDebit(Event e)
    {
        var debit = (Debit)e;
        bool accepted = Admit(debit.Token) && balance >= debit.Amount;
        if (accepted)
        {
            balance -= debit.Amount;
            Pay(debit.Amount);
        }

        SendEvent(debit.From, new WriteDone(accepted));
    }

    // The fencing rule of the library's FencingTokenGuard: refuse a token lower than the highest seen.
    private bool Admit(long token)
    {
        if (!guarded)
        {
            return true;
        }

        if (token < highestToken)
        {
            return false;
        }

        highestToken = token;
        return true;
    }

    private void Pay(int amount)
    {
        paidOut += amount;
        Assert(paidOut <= InitialBalance, $"no-overdraft: ${paidOut} paid out of a ${InitialBalance} account");
    }
}
