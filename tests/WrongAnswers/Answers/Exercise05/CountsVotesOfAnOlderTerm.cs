// Mistake: votes are checked against the term the node last stood in, not its current term, so votes of term 1 make it leader of term 2
// Caught by: votes of an old term
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 5, as a learner might write it (see the Mistake line above).</summary>
public sealed class Voter
{
    private readonly string name;
    private Term stoodIn;

    /// <summary>Makes the voter of the node called <paramref name="name"/>, in term 0, not having voted.</summary>
    /// <param name="name">This node's name; not empty.</param>
    public Voter(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        this.name = name;
    }

    /// <summary>The latest term this node knows of.</summary>
    public Term CurrentTerm { get; private set; }

    /// <summary>The node this one voted for in <see cref="CurrentTerm"/>; null if it has not voted in it.</summary>
    public string? VotedFor { get; private set; }

    /// <summary>Whether this node is the leader of <see cref="CurrentTerm"/>.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Handles a candidate's request for this node's vote.</summary>
    /// <param name="term">The candidate's term.</param>
    /// <param name="candidate">The candidate's name; not empty.</param>
    /// <returns>This node's term after the request, and whether it granted the vote.</returns>
    public VoteReply OnRequestVote(Term term, string candidate)
    {
        ArgumentException.ThrowIfNullOrEmpty(candidate);
        OnTermSeen(term);
        if (term < CurrentTerm || (VotedFor is not null && VotedFor != candidate))
        {
            return new VoteReply(CurrentTerm, false);
        }

        VotedFor = candidate;
        return new VoteReply(CurrentTerm, true);
    }

    /// <summary>Stands for election: moves to the next term and votes for itself.</summary>
    /// <returns>The term it stands in.</returns>
    public Term StartElection()
    {
        CurrentTerm = CurrentTerm.Next;
        VotedFor = name;
        IsLeader = false;
        stoodIn = CurrentTerm;
        return CurrentTerm;
    }

    /// <summary>Counts the votes of an election this node stood in, and takes the lead if they are a majority.</summary>
    /// <param name="term">The term the node stood in.</param>
    /// <param name="votes">Votes received, its own included; 0 to <paramref name="clusterSize"/>.</param>
    /// <param name="clusterSize">Nodes in the cluster; 1 or more.</param>
    /// <returns>Whether this node now leads <paramref name="term"/>.</returns>
    public bool OnVotesCounted(Term term, int votes, int clusterSize)
    {
        if (clusterSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(clusterSize), clusterSize, "A cluster has 1 node or more.");
        }

        if (votes < 0 || votes > clusterSize)
        {
            throw new ArgumentOutOfRangeException(nameof(votes), votes, $"Votes are 0 to {clusterSize} in a {clusterSize}-node cluster.");
        }

        if (term == stoodIn && term.Value > 0 && votes >= clusterSize / 2 + 1)
        {
            IsLeader = true;
        }

        return IsLeader;
    }

    /// <summary>Notes a term seen anywhere (a heartbeat, a reply): a higher one makes this node follow.</summary>
    /// <param name="term">The term seen.</param>
    public void OnTermSeen(Term term)
    {
        if (term > CurrentTerm)
        {
            CurrentTerm = term;
            VotedFor = null;
            IsLeader = false;
        }
    }
}
