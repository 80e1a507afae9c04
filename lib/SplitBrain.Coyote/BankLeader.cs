using Microsoft.Coyote.Actors;

namespace SplitBrain.Coyote;

/// <summary>
/// A bank server that believes it leads, in the Coyote model. It remembers the $100 it saw as a follower
/// and writes the way its <see cref="LedgerWriteMode"/> says, as the library's BankServer does.
/// </summary>
[OnEventDoAction(typeof(Withdraw), nameof(OnWithdraw))]
[OnEventDoAction(typeof(BalanceIs), nameof(OnBalanceIs))]
[OnEventDoAction(typeof(Resume), nameof(OnResume))]
[OnEventDoAction(typeof(WriteDone), nameof(OnWriteDone))]
internal sealed class BankLeader : Actor
{
    private ActorId store = null!;
    private ActorId cluster = null!;
    private long term;
    private LedgerWriteMode mode;
    private int knownBalance = LedgerStore.InitialBalance;
    private bool caughtUp;
    private bool paused;
    private readonly Queue<int> waiting = new();

    protected override Task OnInitializeAsync(Event initialEvent)
    {
        var setup = (LeaderSetup)initialEvent;
        store = setup.Store;
        cluster = setup.Cluster;
        term = setup.Term;
        mode = setup.Mode;
        paused = setup.Paused;
        if (mode is LedgerWriteMode.FencedTakeover)
        {
            // A new leader first reads the real balance at the store, raising its highest token.
            SendEvent(store, new FencedRead(Id, term));
        }
        else
        {
            caughtUp = true;
        }

        return Task.CompletedTask;
    }

    private void OnWithdraw(Event e)
    {
        waiting.Enqueue(((Withdraw)e).Amount);
        TryNext();
    }

    private void OnBalanceIs(Event e)
    {
        knownBalance = ((BalanceIs)e).Balance;
        caughtUp = true;
        TryNext();
    }

    private void OnResume(Event e)
    {
        paused = false;
        TryNext();
    }

    private void OnWriteDone(Event e)
    {
        SendEvent(cluster, new LeaderDone(term));
    }

    private void TryNext()
    {
        if (paused || !caughtUp || waiting.Count == 0)
        {
            return;
        }

        int amount = waiting.Dequeue();
        if (mode is LedgerWriteMode.ConditionalFenced)
        {
            SendEvent(store, new Debit(Id, term, amount));
            return;
        }

        if (knownBalance < amount)
        {
            SendEvent(cluster, new LeaderDone(term));
            return;
        }

        knownBalance -= amount;
        long token = mode is LedgerWriteMode.BlindUnfenced or LedgerWriteMode.ReadOnElectionUnfenced ? 0 : term;
        SendEvent(store, new SetBalance(Id, token, knownBalance, amount));
    }
}
