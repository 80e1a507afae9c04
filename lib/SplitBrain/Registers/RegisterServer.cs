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
public sealed class RegisterServer : ElectionNode
{
    private readonly string storeName;
    private readonly bool fenced;
    private readonly Queue<(NodeId Client, RegisterRequest Request)> waiting = new();
    private (NodeId Client, RegisterRequest Request)? inFlight;
    private string? refreshRequest;
    private bool ready;

    /// <summary>Makes a register server.</summary>
    /// <param name="settings">Election timings and quorum.</param>
    /// <param name="members">The names of every register server, this one included.</param>
    /// <param name="storeName">The store node's name.</param>
    /// <param name="fenced">Whether commands go to the store with the term as a fencing token (the fix).</param>
    public RegisterServer(ElectionSettings settings, IReadOnlyCollection<string> members, string storeName, bool fenced)
        : base(settings, members)
    {
        this.storeName = storeName;
        this.fenced = fenced;
    }

    /// <summary>The value this server last saw at the store; what it answers reads with when unfenced.</summary>
    public long? KnownValue { get; private set; }

    /// <inheritdoc />
    protected override void OnElected()
    {
        if (fenced)
        {
            ready = true;
            ServeNext();
            return;
        }

        // A new unfenced leader first reads the store, so only a deposed leader can be stale.
        ready = false;
        refreshRequest = $"refresh-{Id}-{CurrentTerm.Value}";
        Send(Simulation[storeName], new RegisterStoreCommand(refreshRequest, RegisterCommand.Read(), null));
    }

    /// <inheritdoc />
    protected override void OnSteppedDown()
    {
        ready = false;
        while (waiting.Count > 0)
        {
            var (client, request) = waiting.Dequeue();
            Send(client, new NotLeader(request.RequestId, LeaderHint));
        }
    }

    /// <inheritdoc />
    protected override void OnOtherMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case RegisterRequest request:
                OnRegisterRequest(request, from);
                break;
            case RegisterStoreReply reply:
                OnStoreReply(reply);
                break;
        }
    }

    private void OnRegisterRequest(RegisterRequest request, NodeId client)
    {
        if (Role != Role.Leader)
        {
            Send(client, new NotLeader(request.RequestId, LeaderHint));
            return;
        }

        waiting.Enqueue((client, request));
        ServeNext();
    }

    private void OnStoreReply(RegisterStoreReply reply)
    {
        if (reply.RequestId == refreshRequest)
        {
            refreshRequest = null;
            KnownValue = reply.Value;
            ready = true;
            ServeNext();
            return;
        }

        if (inFlight is not { } current || current.Request.RequestId != reply.RequestId)
        {
            return;
        }

        inFlight = null;
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

    /// <summary>Serves the next waiting command, one at a time.</summary>
    private void ServeNext()
    {
        while (ready && inFlight is null && Role == Role.Leader && waiting.Count > 0)
        {
            var (client, request) = waiting.Dequeue();
            var command = request.Command;
            if (fenced)
            {
                inFlight = (client, request);
                Send(Simulation[storeName], new RegisterStoreCommand(request.RequestId, command, CurrentTerm.AsToken));
                return;
            }

            // Unfenced: answer from what this server believes.
            if (command.Function == "read")
            {
                Send(client, new RegisterReply(request.RequestId, true, KnownValue, null));
                continue;
            }

            if (command.Function == "cas" && KnownValue != command.Expected)
            {
                Send(client, new RegisterReply(request.RequestId, false, KnownValue, null));
                continue;
            }

            // A blind write of the new value, without a token.
            inFlight = (client, request);
            Send(Simulation[storeName], new RegisterStoreCommand(request.RequestId, RegisterCommand.Write(command.Value!.Value), null));
        }
    }
}
