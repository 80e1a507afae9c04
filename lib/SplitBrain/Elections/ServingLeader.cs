namespace SplitBrain;

/// <summary>
/// An elected node that serves clients while it believes it leads: it queues their requests and serves them one
/// at a time, in the order they came, so it never races itself at the store. A node that is not the leader, or
/// stops leading, answers each client with <see cref="NotLeader"/> and who it believes leads.
/// </summary>
/// <remarks>
/// <para>Subclasses say what serving one request is, in <see cref="Serve"/>: answer the client at once, or send one
/// command to the store with <see cref="SendToStore"/>. While that command is at the store, the next request waits;
/// the store's reply comes to <see cref="OnStoreReply"/>, which finds the request with <see cref="TakeInFlight"/>.</para>
/// <para>A new leader may read the store before it serves anyone: it calls <see cref="HoldRequests"/> when elected
/// and <see cref="StartServing"/> once the store has answered.</para>
/// </remarks>
/// <typeparam name="TRequest">What clients ask.</typeparam>
/// <typeparam name="TReply">What the store answers.</typeparam>
public abstract class ServingLeader<TRequest, TReply> : ElectionNode
    where TRequest : Message, IClientRequest
    where TReply : Message
{
    private readonly string storeName;
    private readonly Queue<(NodeId Client, TRequest Request)> waiting = new();
    private (NodeId Client, TRequest Request)? inFlight;
    private bool ready;

    /// <summary>Makes a leader that serves clients, once elected.</summary>
    /// <param name="settings">Election timings and quorum.</param>
    /// <param name="members">The names of every server, this one included.</param>
    /// <param name="storeName">The name of the store node.</param>
    protected ServingLeader(ElectionSettings settings, IReadOnlyCollection<string> members, string storeName)
        : base(settings, members)
    {
        this.storeName = storeName;
    }

    /// <summary>The store node.</summary>
    protected NodeId Store => Simulation[storeName];

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
            case TRequest request:
                OnClientRequest(request, from);
                break;
            case TReply reply:
                OnStoreReply(reply);
                break;
        }
    }

    /// <summary>Serves one request taken from the queue: answers the client at once, or sends the store one command with <see cref="SendToStore"/>.</summary>
    /// <param name="client">Who asked.</param>
    /// <param name="request">What it asked.</param>
    protected abstract void Serve(NodeId client, TRequest request);

    /// <summary>Called for every reply from the store: to the leader's own reads, and to the request in flight (see <see cref="TakeInFlight"/>).</summary>
    /// <param name="reply">The store's reply.</param>
    protected abstract void OnStoreReply(TReply reply);

    /// <summary>Sends the store <paramref name="command"/> for <paramref name="request"/>; the next request waits until the store replies.</summary>
    /// <param name="client">Who asked.</param>
    /// <param name="request">What it asked.</param>
    /// <param name="command">What the store is to do.</param>
    protected void SendToStore(NodeId client, TRequest request, Message command)
    {
        inFlight = (client, request);
        Send(Store, command);
    }

    /// <summary>Takes the request in flight at the store, if <paramref name="requestId"/> names it.</summary>
    /// <param name="requestId">The request the store's reply answers.</param>
    /// <returns>The client and its request; null if no request is in flight or the reply is for another one (a late or duplicated reply).</returns>
    protected (NodeId Client, TRequest Request)? TakeInFlight(string requestId)
    {
        if (inFlight is not { } current || current.Request.RequestId != requestId)
        {
            return null;
        }

        inFlight = null;
        return current;
    }

    /// <summary>Holds the queue: requests wait until <see cref="StartServing"/>, for a new leader that first reads the store.</summary>
    protected void HoldRequests()
    {
        ready = false;
    }

    /// <summary>Serves the waiting requests from now on, while this node leads.</summary>
    protected void StartServing()
    {
        ready = true;
        ServeNext();
    }

    /// <summary>
    /// Serves the waiting requests in order, until one is at the store or none is left. Does nothing while a
    /// request is at the store, while the queue is held, or when this node does not lead.
    /// </summary>
    protected void ServeNext()
    {
        while (ready && inFlight is null && Role == Role.Leader && waiting.Count > 0)
        {
            var (client, request) = waiting.Dequeue();
            Serve(client, request);
        }
    }

    private void OnClientRequest(TRequest request, NodeId client)
    {
        if (Role != Role.Leader)
        {
            Send(client, new NotLeader(request.RequestId, LeaderHint));
            return;
        }

        waiting.Enqueue((client, request));
        ServeNext();
    }
}
