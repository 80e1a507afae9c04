namespace SplitBrain;

/// <summary>The timings and quorum of a Raft-style election. Every timing has a name; none is a bare number in a handler.</summary>
public sealed record ElectionSettings
{
    /// <summary>How often a leader sends heartbeats. Default 50 ms.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The shortest time a follower waits without a heartbeat before it stands for election. Default 150 ms.</summary>
    public TimeSpan ElectionTimeoutMin { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The longest such wait; each wait is drawn at random between the two. Default 300 ms.</summary>
    public TimeSpan ElectionTimeoutMax { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The votes needed to win, and the acks a leader needs to keep leading when <see cref="CheckQuorum"/> is on.</summary>
    public required Quorum Quorum { get; init; }

    /// <summary>
    /// Whether a leader steps down when it has not heard from a quorum within an election timeout
    /// (etcd calls this CheckQuorum). Off, a leader cut off from everyone believes it leads forever:
    /// the stale leader of the lessons.
    /// </summary>
    public bool CheckQuorum { get; init; }

    /// <summary>If set, the election timeout of the very first wait: lets a scenario choose who leads term 1.</summary>
    public TimeSpan? FirstTimeout { get; init; }
}
