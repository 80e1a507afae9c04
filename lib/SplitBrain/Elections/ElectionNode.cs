namespace SplitBrain;

/// <summary>
/// A node that takes part in a Raft-style leader election, and nothing more: no log, only who leads.
/// </summary>
/// <remarks>
/// <para>The rules, as in the Raft paper:</para>
/// <list type="number">
/// <item>Terms only grow. A node that sees a higher term than its own adopts it and becomes a follower;
/// a leader that does so steps down.</item>
/// <item>A node gives at most one vote per term, and keeps its term and vote in <see cref="DurableState"/>,
/// so that a crash cannot make it vote twice.</item>
/// <item>A follower that hears no heartbeat for an election timeout (random, so that candidates rarely
/// collide) starts a new term and asks for votes; a quorum of votes makes it leader.</item>
/// <item>With <see cref="ElectionSettings.CheckQuorum"/>, a leader that has not heard from a quorum recently
/// enough steps down by itself, and a follower that heard from its leader less than an election timeout ago
/// refuses to vote (and ignores the higher term), so a new leader is only elected once the old one has
/// stepped down. Without it, a cut-off leader leads on, alone: the stale leader.</item>
/// </list>
/// <para>Subclasses add what a leader does (take withdrawals, accept writes) by overriding
/// <see cref="OnElected"/>, <see cref="OnSteppedDown"/> and <see cref="OnOtherMessage"/>; a leader that serves
/// clients' requests one at a time derives from <see cref="ServingLeader{TRequest, TReply}"/>.</para>
/// </remarks>
public class ElectionNode : Node
{
    private static readonly object ElectionTimeoutTag = "election timeout";
    private static readonly object HeartbeatTag = "heartbeat";

    private readonly string[] memberNames;
    private readonly HashSet<NodeId> votesReceived = [];
    private readonly Dictionary<NodeId, TimeSpan> ackedHeartbeatSentAt = [];
    private NodeId[] members = [];
    private TimeSpan? lastHeardLeader;
    private Term currentTerm;
    private TimerId? electionTimer;
    private bool started;

    /// <summary>Makes an election node.</summary>
    /// <param name="settings">Timings and quorum.</param>
    /// <param name="members">The names of every voting node, this one included.</param>
    /// <exception cref="ArgumentException">The quorum's cluster size differs from the number of members.</exception>
    public ElectionNode(ElectionSettings settings, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(members);
        if (settings.Quorum.ClusterSize != members.Count)
        {
            throw new ArgumentException($"The quorum is {settings.Quorum}, but {members.Count} members were named.", nameof(members));
        }

        Settings = settings;
        memberNames = [.. members];
    }

    /// <summary>The election's timings and quorum.</summary>
    public ElectionSettings Settings { get; }

    /// <summary>What this node believes it is.</summary>
    public Role Role { get; private set; } = Role.Follower;

    /// <summary>The latest term this node has seen. Durable: written through to <see cref="DurableState"/>, read back at every start.</summary>
    public Term CurrentTerm
    {
        get => currentTerm;
        private set
        {
            currentTerm = value;
            Durable.Set("currentTerm", value.Value);
        }
    }

    /// <summary>The node this node last heard a heartbeat from in its current term, if any.</summary>
    public NodeId? LeaderHint { get; private set; }

    /// <summary>The other voting members.</summary>
    protected IReadOnlyList<NodeId> OtherMembers => members;

    /// <inheritdoc />
    public override void OnStart()
    {
        var others = new List<NodeId>(memberNames.Length);
        foreach (var name in memberNames)
        {
            if (name != Id.Name)
            {
                others.Add(Simulation[name]);
            }
        }

        members = [.. others];
        currentTerm = new Term(Durable.Get("currentTerm", 0L));
        bool firstStart = !started && CurrentTerm.Value == 0;
        started = true;
        ResetElectionTimer(firstStart ? Settings.FirstTimeout : null);
    }

    /// <inheritdoc />
    public sealed override void OnMessage(Message message, NodeId from)
    {
        switch (message)
        {
            case RequestVote request:
                OnRequestVote(request, from);
                break;
            case Vote vote:
                OnVote(vote, from);
                break;
            case Heartbeat heartbeat:
                OnHeartbeat(heartbeat, from);
                break;
            case HeartbeatAck ack:
                OnHeartbeatAck(ack, from);
                break;
            default:
                OnOtherMessage(message, from);
                break;
        }
    }

    /// <inheritdoc />
    public sealed override void OnTimer(object tag)
    {
        if (tag == ElectionTimeoutTag)
        {
            OnElectionTimeout();
        }
        else if (tag == HeartbeatTag)
        {
            OnHeartbeatTimer();
        }
        else
        {
            OnOtherTimer(tag);
        }
    }

    /// <summary>Called when this node has just won an election.</summary>
    protected virtual void OnElected()
    {
    }

    /// <summary>Called when this node has just stopped leading.</summary>
    protected virtual void OnSteppedDown()
    {
    }

    /// <summary>Called for messages that are not part of the election.</summary>
    /// <param name="message">The message.</param>
    /// <param name="from">The sender.</param>
    protected virtual void OnOtherMessage(Message message, NodeId from)
    {
    }

    /// <summary>Called for timers that are not part of the election.</summary>
    /// <param name="tag">The timer's tag.</param>
    protected virtual void OnOtherTimer(object tag)
    {
    }

    /// <summary>Stops leading without a higher term, for example after storage refused this leader's token.</summary>
    /// <param name="why">Why, for the trace.</param>
    protected void StepDown(string why)
    {
        if (Role != Role.Leader)
        {
            return;
        }

        Record(TraceKind.Note, $"steps down: {why}");
        BecomeFollower();
    }

    private void OnRequestVote(RequestVote request, NodeId candidate)
    {
        if (Settings.CheckQuorum && HeardFromLeaderRecently())
        {
            // Raft section 6: a leader we heard from less than an election timeout ago may still lead.
            Send(candidate, new Vote(CurrentTerm, Granted: false));
            return;
        }

        if (request.Term > CurrentTerm)
        {
            AdoptTerm(request.Term);
        }

        bool granted = false;
        if (request.Term == CurrentTerm)
        {
            string votedFor = Durable.Get("votedFor", "");
            if (votedFor.Length == 0 || votedFor == candidate.Name)
            {
                Durable.Set("votedFor", candidate.Name);
                granted = true;

                // The candidate may lead from now on: give it the same protection as a leader we heard from.
                lastHeardLeader = Clock.LocalTime;
                ResetElectionTimer();
            }
        }

        Send(candidate, new Vote(CurrentTerm, granted));
    }

    private void OnVote(Vote vote, NodeId voter)
    {
        if (vote.Term > CurrentTerm)
        {
            AdoptTerm(vote.Term);
            return;
        }

        if (Role != Role.Candidate || vote.Term != CurrentTerm || !vote.Granted)
        {
            return;
        }

        votesReceived.Add(voter);
        if (Settings.Quorum.CanAct(votesReceived.Count))
        {
            BecomeLeader();
        }
    }

    private void OnHeartbeat(Heartbeat heartbeat, NodeId leader)
    {
        if (heartbeat.Term < CurrentTerm)
        {
            // Tell the stale leader about the newer term, so it steps down.
            Send(leader, new HeartbeatAck(CurrentTerm, heartbeat.SentAt));
            return;
        }

        if (heartbeat.Term > CurrentTerm || Role != Role.Follower)
        {
            AdoptTerm(heartbeat.Term);
        }

        LeaderHint = leader;
        lastHeardLeader = Clock.LocalTime;
        ResetElectionTimer();
        Send(leader, new HeartbeatAck(CurrentTerm, heartbeat.SentAt));
    }

    private void OnHeartbeatAck(HeartbeatAck ack, NodeId follower)
    {
        if (ack.Term > CurrentTerm)
        {
            AdoptTerm(ack.Term);
            return;
        }

        // Only a leader that checks its quorum needs to remember who acknowledged what, and when.
        if (Settings.CheckQuorum && Role == Role.Leader && ack.Term == CurrentTerm
            && (!ackedHeartbeatSentAt.TryGetValue(follower, out var known) || ack.SentAt > known))
        {
            ackedHeartbeatSentAt[follower] = ack.SentAt;
        }
    }

    private void OnElectionTimeout()
    {
        electionTimer = null;
        if (Role == Role.Leader)
        {
            return;
        }

        CurrentTerm = CurrentTerm.Next;
        Durable.Set("votedFor", Id.Name);
        Role = Role.Candidate;
        LeaderHint = null;
        votesReceived.Clear();
        votesReceived.Add(Id);
        ResetElectionTimer();
        if (Settings.Quorum.CanAct(votesReceived.Count))
        {
            BecomeLeader();
            return;
        }

        foreach (var member in members)
        {
            Send(member, new RequestVote(CurrentTerm));
        }
    }

    private void OnHeartbeatTimer()
    {
        if (Role != Role.Leader)
        {
            return;
        }

        if (Settings.CheckQuorum && !StillHasQuorum())
        {
            Record(TraceKind.Note, $"steps down: no quorum ({Settings.Quorum}) heard within the election timeout");
            BecomeFollower();
            return;
        }

        SendHeartbeats();
    }

    /// <summary>
    /// Whether a quorum (this node included) acked a heartbeat sent recently enough that no follower can
    /// have timed out yet. Measured from when the heartbeat was sent, on this node's clock; the check runs
    /// once per heartbeat interval, so the margin is one interval short of the shortest election timeout.
    /// </summary>
    private bool StillHasQuorum()
    {
        var now = Clock.LocalTime;
        if (ackedHeartbeatSentAt.Count + 1 < Settings.Quorum.Size)
        {
            return false;
        }

        // The quorum-th freshest ack, counting this node's own "ack" as now.
        var fresh = new TimeSpan[ackedHeartbeatSentAt.Count + 1];
        ackedHeartbeatSentAt.Values.CopyTo(fresh, 0);
        fresh[^1] = now;
        Array.Sort(fresh);
        var quorumTime = fresh[fresh.Length - Settings.Quorum.Size];
        return now - quorumTime <= Settings.ElectionTimeoutMin - Settings.HeartbeatInterval;
    }

    private bool HeardFromLeaderRecently() =>
        Role == Role.Leader
        || (Role == Role.Follower && lastHeardLeader is { } heard && Clock.LocalTime - heard < Settings.ElectionTimeoutMin);

    private void BecomeLeader()
    {
        Role = Role.Leader;
        LeaderHint = Id;
        ackedHeartbeatSentAt.Clear();
        CancelElectionTimer();
        Record(TraceKind.Elected, CurrentTerm);
        SendHeartbeats();
        OnElected();
    }

    private void SendHeartbeats()
    {
        var heartbeat = new Heartbeat(CurrentTerm, Clock.LocalTime);
        foreach (var member in members)
        {
            Send(member, heartbeat);
        }

        SetTimer(Settings.HeartbeatInterval, HeartbeatTag);
    }

    private void AdoptTerm(Term term)
    {
        if (term > CurrentTerm)
        {
            CurrentTerm = term;
            Durable.Set("votedFor", "");
        }

        BecomeFollower();
    }

    private void BecomeFollower()
    {
        bool wasLeader = Role == Role.Leader;
        Role = Role.Follower;
        ResetElectionTimer();
        if (wasLeader)
        {
            Record(TraceKind.SteppedDown, CurrentTerm);
            OnSteppedDown();
        }
    }

    private void ResetElectionTimer(TimeSpan? exactly = null)
    {
        CancelElectionTimer();
        var wait = exactly ?? TimeSpan.FromTicks(Random.NextInt64(Settings.ElectionTimeoutMin.Ticks, Settings.ElectionTimeoutMax.Ticks + 1));
        electionTimer = SetTimer(wait, ElectionTimeoutTag);
    }

    private void CancelElectionTimer()
    {
        if (electionTimer is { } timer)
        {
            CancelTimer(timer);
            electionTimer = null;
        }
    }
}
