namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 5: a voter in an election.</b> Lesson: epochs and elections.</para>
/// <para><b>Task.</b> The election state of one node, Raft style: its current term, whom it voted for in that
/// term, and whether it leads.</para>
/// <para><b>Rules from the lesson.</b> Terms start at 0. One vote per term: grant a candidate's request only if
/// this node has not voted in that term, or voted for the same candidate (a retry). Refuse a request from a lower
/// term, and answer with the current term so the candidate learns it is behind. On seeing a higher term (in a
/// request or anywhere else) adopt it, forget the vote, and step down if leading. To stand, a node moves to the
/// next term and votes for itself; it leads only with a majority of the cluster's votes in the term it stood in.
/// Vote counts below 0 or above the cluster size, cluster sizes below 1 and empty names are mistakes: throw
/// <see cref="ArgumentException"/> (or its out-of-range kind) naming the parameter.</para>
/// <para><b>Hint.</b> Write one private helper that adopts a higher term; call it first in every handler.</para>
/// </summary>
public sealed class Voter
{
    /// <summary>Makes the voter of the node called <paramref name="name"/>, in term 0, not having voted.</summary>
    /// <param name="name">This node's name; not empty.</param>
    public Voter(string name) => throw new NotImplementedException();

    /// <summary>The latest term this node knows of.</summary>
    public Term CurrentTerm => throw new NotImplementedException();

    /// <summary>The node this one voted for in <see cref="CurrentTerm"/>; null if it has not voted in it.</summary>
    public string? VotedFor => throw new NotImplementedException();

    /// <summary>Whether this node is the leader of <see cref="CurrentTerm"/>.</summary>
    public bool IsLeader => throw new NotImplementedException();

    /// <summary>Handles a candidate's request for this node's vote.</summary>
    /// <param name="term">The candidate's term.</param>
    /// <param name="candidate">The candidate's name; not empty.</param>
    /// <returns>This node's term after the request, and whether it granted the vote.</returns>
    public VoteReply OnRequestVote(Term term, string candidate) => throw new NotImplementedException();

    /// <summary>Stands for election: moves to the next term and votes for itself.</summary>
    /// <returns>The term it stands in.</returns>
    public Term StartElection() => throw new NotImplementedException();

    /// <summary>Counts the votes of an election this node stood in, and takes the lead if they are a majority.</summary>
    /// <param name="term">The term the node stood in.</param>
    /// <param name="votes">Votes received, its own included; 0 to <paramref name="clusterSize"/>.</param>
    /// <param name="clusterSize">Nodes in the cluster; 1 or more.</param>
    /// <returns>Whether this node now leads <paramref name="term"/>.</returns>
    public bool OnVotesCounted(Term term, int votes, int clusterSize) => throw new NotImplementedException();

    /// <summary>Notes a term seen anywhere (a heartbeat, a reply): a higher one makes this node follow.</summary>
    /// <param name="term">The term seen.</param>
    public void OnTermSeen(Term term) => throw new NotImplementedException();
}
