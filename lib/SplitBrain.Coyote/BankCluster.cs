using Microsoft.Coyote.Actors;

namespace SplitBrain.Coyote;

/// <summary>
/// The Coyote model of bank-ledger's split brain: the store with $100, leader A in term 1, and two
/// clients that each withdraw $60. Two nondeterministic choices, made by Coyote's scheduler: whether the
/// partition happens (then B and C elect B in term 2 and client-2 asks B), and whether A pauses before its
/// withdrawal until B's is done. Everything else (which message is delivered when) is Coyote's to interleave.
/// </summary>
[OnEventDoAction(typeof(LeaderDone), nameof(OnLeaderDone))]
internal sealed class BankCluster : Actor
{
    /// <summary>How every leader writes in this test; set before the engine runs.</summary>
    public static LedgerWriteMode Mode { get; set; } = LedgerWriteMode.BlindUnfenced;

    private ActorId leaderA = null!;
    private bool aPaused;

    /// <summary>Whether the store checks tokens under <paramref name="mode"/>, as in the library's scenarios.</summary>
    public static bool Guarded(LedgerWriteMode mode) => mode switch
    {
        LedgerWriteMode.BlindUnfenced => false,
        LedgerWriteMode.BlindFenced or LedgerWriteMode.FencedTakeover or LedgerWriteMode.ConditionalFenced => true,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The Coyote model has BlindUnfenced, BlindFenced, FencedTakeover and ConditionalFenced."),
    };

    protected override Task OnInitializeAsync(Event initialEvent)
    {
        bool partition = RandomBoolean();
        aPaused = partition && RandomBoolean();
        var store = CreateActor(typeof(LedgerStore), new StoreSetup(Guarded(Mode)));
        leaderA = CreateActor(typeof(BankLeader), new LeaderSetup(store, 1, OldLeaderMode(Mode), Id, aPaused));
        SendEvent(leaderA, new Withdraw(60));
        if (partition)
        {
            var leaderB = CreateActor(typeof(BankLeader), new LeaderSetup(store, 2, Mode, Id, paused: false));
            SendEvent(leaderB, new Withdraw(60));
        }
        else
        {
            SendEvent(leaderA, new Withdraw(60));
        }

        return Task.CompletedTask;
    }

    // A was elected before the story starts and already knows the balance: no takeover read for it.
    private static LedgerWriteMode OldLeaderMode(LedgerWriteMode mode) =>
        mode is LedgerWriteMode.FencedTakeover ? LedgerWriteMode.BlindFenced : mode;

    private void OnLeaderDone(Event e)
    {
        if (aPaused && ((LeaderDone)e).Term == 2)
        {
            aPaused = false;
            SendEvent(leaderA, new Resume());
        }
    }
}
