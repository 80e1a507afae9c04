namespace SplitBrain;

/// <summary>What a node in an election believes it is.</summary>
public enum Role
{
    /// <summary>Follows a leader, and starts an election if it stops hearing one.</summary>
    Follower,

    /// <summary>Asks for votes in a new term.</summary>
    Candidate,

    /// <summary>Won a quorum of votes; believes it leads until it sees a higher term.</summary>
    Leader,
}
