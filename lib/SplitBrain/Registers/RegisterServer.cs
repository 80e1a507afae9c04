namespace SplitBrain;

/// <summary>
/// A register server: one of the elected nodes in front of the <see cref="RegisterStore"/>. While it believes it
/// leads, it takes reads, writes and compare-and-sets from clients, one at a time.
/// </summary>
/// <remarks>
/// Unfenced (the bug), a server keeps the value it last saw and answers reads from it, checks a cas against it,
/// and writes to the store without a token: a deposed leader that does not know it was deposed serves stale reads.
/// Fenced (the fix), every command goes to the store with the server's term as its token and is done there in one
/// step; a server whose token the store refuses steps down.
/// </remarks>
public sealed class RegisterServer : ServingLeader<RegisterRequest, RegisterStoreReply>
{
    private readonly bool fenced;
    private string? refreshRequest;

    /// <summary>Makes a register server.</summary>
    /// <param name="settings">Election timings and quorum.</param>
    /// <param name="members">The names of every register server, this one included.</param>
    /// <param name="storeName">The store node's name.</param>
    /// <param name="fenced">Whether commands go to the store with the term as a fencing token (the fix).</param>
    public RegisterServer(ElectionSettings settings, IReadOnlyCollection<string> members, string storeName, bool fenced)
        : base(settings, members, storeName)
    {
        this.fenced = fenced;
    }

    /// <summary>The value this server last saw at the store; what it answers reads with when unfenced.</summary>
    public long? KnownValue { get; private set; }

    /// <inheritdoc />
    protected override void OnElected()
    {
        if (fenced)
        {
            StartServing();
            return;
        }

        // A new unfenced leader first reads the store, so only a deposed leader can be stale.
        HoldRequests();
        refreshRequest = $"refresh-{Id}-{CurrentTerm.Value}";
        Send(Store, new RegisterStoreCommand(refreshRequest, RegisterCommand.Read(), null));
    }

    /// <inheritdoc />
    protected override void OnStoreReply(RegisterStoreReply reply)
    {
        if (reply.RequestId == refreshRequest)
        {
            refreshRequest = null;
            KnownValue = reply.Value;
            StartServing();
            return;
        }

        if (TakeInFlight(reply.RequestId) is not { } current)
        {
            return;
        }

        if (!reply.Admitted)
        {
            Send(current.Client, new RegisterReply(current.Request.RequestId, false, null, "fenced"));
            StepDown($"fenced off by the store: {reply.Reason}");
            return;
        }

        KnownValue = reply.Value;
        Send(current.Client, new RegisterReply(current.Request.RequestId, reply.Done, reply.Value, null));
        ServeNext();
    }

    /// <summary>Serves one command: fenced, at the store in one step; unfenced, from the value this server last saw, with a blind write to the store.</summary>
    /// <param name="client">Who asked.</param>
    /// <param name="request">The command.</param>
    protected override void Serve(NodeId client, RegisterRequest request)
    {
        var command = request.Command;
        if (fenced)
        {
            SendToStore(client, request, new RegisterStoreCommand(request.RequestId, command, CurrentTerm.AsToken));
            return;
        }

        // Unfenced: answer from what this server believes.
        if (command.Function == "read")
        {
            Send(client, new RegisterReply(request.RequestId, true, KnownValue, null));
            return;
        }

        if (command.Function == "cas" && KnownValue != command.Expected)
        {
            Send(client, new RegisterReply(request.RequestId, false, KnownValue, null));
            return;
        }

        // A blind write of the new value, without a token.
        SendToStore(client, request, new RegisterStoreCommand(request.RequestId, RegisterCommand.Write(command.Value!.Value), null));
    }
}
