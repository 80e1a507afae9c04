namespace SplitBrain;

/// <summary>
/// A bank server: one of the elected nodes of the bank-ledger story. While it believes it leads, it takes
/// withdrawals from clients and writes them to the shared <see cref="FencedStore"/>; it pays out only
/// when the store accepted the write.
/// </summary>
/// <remarks>
/// Every server starts out knowing the balance, as replicas do. How it writes is set by
/// <see cref="LedgerWriteMode"/>: the lesson is in the difference between the modes.
/// </remarks>
public sealed class BankServer : ServingLeader<WithdrawRequest, StoreReply>
{
    private readonly LedgerWriteMode mode;
    private string? takeoverRequest;

    /// <summary>Makes a bank server.</summary>
    /// <param name="settings">Election timings and quorum.</param>
    /// <param name="members">The names of every bank server, this one included.</param>
    /// <param name="storeName">The name of the shared store node.</param>
    /// <param name="knownBalance">The balance the server believes the account has when it starts.</param>
    /// <param name="mode">How withdrawals become writes.</param>
    public BankServer(ElectionSettings settings, IReadOnlyCollection<string> members, string storeName, long knownBalance, LedgerWriteMode mode)
        : base(settings, members, storeName)
    {
        this.mode = mode;
        KnownBalance = knownBalance;
    }

    /// <summary>The balance this server believes the account has: what it last read or wrote.</summary>
    public long KnownBalance { get; private set; }

    /// <summary>The ledger version <see cref="KnownBalance"/> came from.</summary>
    public long KnownVersion { get; private set; }

    private FencingToken? Token => mode is LedgerWriteMode.BlindUnfenced or LedgerWriteMode.ReadOnElectionUnfenced ? null : CurrentTerm.AsToken;

    /// <inheritdoc />
    protected override void OnElected()
    {
        if (mode is LedgerWriteMode.FencedTakeover or LedgerWriteMode.ReadOnElectionUnfenced)
        {
            HoldRequests();
            takeoverRequest = $"takeover-{Id}-{CurrentTerm.Value}";
            Send(Store, new ReadBalance(takeoverRequest, Token));
            return;
        }

        StartServing();
    }

    /// <inheritdoc />
    protected override void OnStoreReply(StoreReply reply)
    {
        if (reply.RequestId == takeoverRequest)
        {
            takeoverRequest = null;
            if (!reply.Accepted)
            {
                StepDown($"the store refused {Token}: {reply.Reason}");
                return;
            }

            KnownBalance = reply.Balance;
            KnownVersion = reply.Version;
            Record(TraceKind.Note, Token is { } token
                ? $"takes over with {token}; the store says the balance is ${reply.Balance}"
                : $"reads the balance at the store: ${reply.Balance}");
            StartServing();
            return;
        }

        if (TakeInFlight(reply.RequestId) is not { } current)
        {
            return;
        }

        KnownBalance = reply.Balance;
        KnownVersion = reply.Version;
        if (reply.Accepted)
        {
            long amount = current.Request.Amount;
            Record(TraceKind.Acknowledged, new Acknowledgement(current.Request.RequestId, $"paid ${amount}", amount), current.Client);
            Send(current.Client, new Paid(current.Request.RequestId, amount));
        }
        else
        {
            Send(current.Client, new Refused(current.Request.RequestId, reply.Reason));
            if (reply.Reason.Contains("token", StringComparison.Ordinal))
            {
                StepDown($"fenced off by the store: {reply.Reason}");
            }
        }

        ServeNext();
    }

    /// <summary>Serves one withdrawal: a conditional debit at the store, or a refusal or a blind write from what this server believes.</summary>
    /// <param name="client">Who asked.</param>
    /// <param name="request">The withdrawal.</param>
    protected override void Serve(NodeId client, WithdrawRequest request)
    {
        if (mode == LedgerWriteMode.ConditionalFenced)
        {
            SendToStore(client, request, new Debit(request.RequestId, request.Amount, Token));
            return;
        }

        if (KnownBalance < request.Amount)
        {
            Send(client, new Refused(request.RequestId, $"insufficient funds: ${KnownBalance} < ${request.Amount}"));
            return;
        }

        SendToStore(client, request, new SetBalance(request.RequestId, KnownBalance - request.Amount, KnownVersion, Token));
    }
}
