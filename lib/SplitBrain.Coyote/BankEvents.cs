using Microsoft.Coyote.Actors;

namespace SplitBrain.Coyote;

// The messages of the Coyote model of bank-ledger. Each is a Coyote event sent between actors.

/// <summary>Starts a leader: which store it writes to, its term (the fencing token) and how it writes.</summary>
internal sealed class LeaderSetup(ActorId store, long term, LedgerWriteMode mode, ActorId cluster, bool paused) : Event
{
    public bool Paused { get; } = paused;
    public ActorId Store { get; } = store;
    public long Term { get; } = term;
    public LedgerWriteMode Mode { get; } = mode;
    public ActorId Cluster { get; } = cluster;
}

/// <summary>Starts the store: whether it checks tokens.</summary>
internal sealed class StoreSetup(bool guarded) : Event
{
    public bool Guarded { get; } = guarded;
}

/// <summary>A client asks a leader for a withdrawal.</summary>
internal sealed class Withdraw(int amount) : Event
{
    public int Amount { get; } = amount;
}

/// <summary>A new leader's first read at the store, stamped with its token (FencedTakeover).</summary>
internal sealed class FencedRead(ActorId from, long token) : Event
{
    public ActorId From { get; } = from;
    public long Token { get; } = token;
}

/// <summary>The store's answer to a <see cref="FencedRead"/>.</summary>
internal sealed class BalanceIs(int balance) : Event
{
    public int Balance { get; } = balance;
}

/// <summary>A blind write: "the balance is now X", for a payout of <see cref="Paid"/>; token 0 means none.</summary>
internal sealed class SetBalance(ActorId from, long token, int balance, int paid) : Event
{
    public ActorId From { get; } = from;
    public long Token { get; } = token;
    public int Balance { get; } = balance;
    public int Paid { get; } = paid;
}

/// <summary>A conditional write: "take X if the balance covers it", checked and done at the store.</summary>
internal sealed class Debit(ActorId from, long token, int amount) : Event
{
    public ActorId From { get; } = from;
    public long Token { get; } = token;
    public int Amount { get; } = amount;
}

/// <summary>The store's verdict on a write.</summary>
internal sealed class WriteDone(bool accepted) : Event
{
    public bool Accepted { get; } = accepted;
}

/// <summary>A paused leader's process carries on.</summary>
internal sealed class Resume : Event
{
}

/// <summary>A leader finished a withdrawal (paid or refused).</summary>
internal sealed class LeaderDone(long term) : Event
{
    public long Term { get; } = term;
}
