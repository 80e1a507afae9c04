namespace SplitBrain;

/// <summary>
/// A shared store that writers reach over the network: a bank ledger and a register, behind a
/// <see cref="StorageGuard"/>. Every write is judged by the guard and traced as
/// <see cref="TraceKind.WriteAccepted"/> or <see cref="TraceKind.WriteRejected"/>.
/// </summary>
/// <remarks>
/// The ledger and the register are durable, like a database's files: a crash and restart keep them.
/// Whether the guard's memory is durable depends on the guard.
/// </remarks>
public sealed class FencedStore : Node
{
    private readonly Func<DurableState, StorageGuard> makeGuard;
    private readonly long initialBalance;
    private StorageGuard guard = StorageGuard.None();

    /// <summary>Makes a store.</summary>
    /// <param name="initialBalance">The account's opening balance in dollars.</param>
    /// <param name="makeGuard">Builds the guard, from the store's durable state, at every start.</param>
    public FencedStore(long initialBalance, Func<DurableState, StorageGuard> makeGuard)
    {
        ArgumentNullException.ThrowIfNull(makeGuard);
        this.makeGuard = makeGuard;
        this.initialBalance = initialBalance;
    }

    /// <summary>The account, kept across restarts.</summary>
    public Ledger Ledger => Durable.Get<Ledger?>("ledger", null) ?? throw new InvalidOperationException("The store has not started yet.");

    /// <summary>The guard in front of the data.</summary>
    public StorageGuard Guard => guard;

    /// <summary>The register writes that took effect, in order.</summary>
    public IReadOnlyList<string> Register => Durable.Get<List<string>?>("register", null) ?? [];

    /// <inheritdoc />
    public override void OnStart()
    {
        if (!Durable.Contains("ledger"))
        {
            Durable.Set("ledger", new Ledger(initialBalance));
            Durable.Set("register", new List<string>());
        }

        guard = makeGuard(Durable);
    }

    /// <inheritdoc />
    public override void OnMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case ReadBalance read:
                OnReadBalance(read, from);
                break;
            case SetBalance write:
                OnSetBalance(write, from);
                break;
            case Debit debit:
                OnDebit(debit, from);
                break;
            case WriteValue write:
                OnWriteValue(write, from);
                break;
        }
    }

    private void OnReadBalance(ReadBalance read, NodeId from)
    {
        string reason = "ok";
        bool admitted = read.Token is null || guard.TryAdmit(read.Token, out reason);
        if (read.Token is not null)
        {
            Record(TraceKind.Note, new WriteDecision($"{read.RequestId}: fenced read of the balance", read.Token, reason), from);
        }

        Reply(from, read.RequestId, admitted, reason);
    }

    private void OnSetBalance(SetBalance write, NodeId from)
    {
        string operation = $"{write.RequestId}: set balance ${write.NewBalance} (read at version {write.BasedOnVersion})";
        if (!guard.TryAdmit(write.Token, out string reason))
        {
            Decide(from, write.RequestId, operation, write.Token, accepted: false, reason);
            return;
        }

        Ledger.SetBalance(write.RequestId, write.NewBalance, write.BasedOnVersion);
        Decide(from, write.RequestId, operation, write.Token, accepted: true, reason);
    }

    private void OnDebit(Debit debit, NodeId from)
    {
        string operation = $"{debit.RequestId}: withdraw ${debit.Amount} if the balance covers it";
        if (!guard.TryAdmit(debit.Token, out string reason))
        {
            Decide(from, debit.RequestId, operation, debit.Token, accepted: false, reason);
            return;
        }

        if (!Ledger.TryDebit(debit.RequestId, debit.Amount))
        {
            Decide(from, debit.RequestId, operation, debit.Token, accepted: false, $"refused: balance ${Ledger.Balance} does not cover ${debit.Amount}");
            return;
        }

        Decide(from, debit.RequestId, operation, debit.Token, accepted: true, reason);
    }

    private void OnWriteValue(WriteValue write, NodeId from)
    {
        string operation = $"{write.RequestId}: write {write.Value}";
        bool accepted = guard.TryAdmit(write.Token, out string reason);
        if (accepted)
        {
            Durable.Get<List<string>>("register", []).Add(write.RequestId);
        }

        Decide(from, write.RequestId, operation, write.Token, accepted, reason);
    }

    private void Decide(NodeId writer, string requestId, string operation, FencingToken? token, bool accepted, string reason)
    {
        Record(accepted ? TraceKind.WriteAccepted : TraceKind.WriteRejected, new WriteDecision(operation, token, reason), writer);
        Reply(writer, requestId, accepted, reason);
    }

    private void Reply(NodeId to, string requestId, bool accepted, string reason) =>
        Send(to, new StoreReply(requestId, accepted, Ledger.Balance, Ledger.Version, reason));
}
