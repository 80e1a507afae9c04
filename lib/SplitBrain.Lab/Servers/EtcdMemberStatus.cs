namespace SplitBrain.Lab;

/// <summary>What one etcd member says about its cluster, from etcd's status API.</summary>
/// <param name="Name">The member's name in the lab: <c>etcd-1</c>.</param>
/// <param name="MemberId">The member's id.</param>
/// <param name="Leader">The id of the member it believes leads.</param>
/// <param name="RaftTerm">Its Raft term: it rises with every election, like the simulation's <c>Term</c>.</param>
public sealed record EtcdMemberStatus(string Name, ulong MemberId, ulong Leader, ulong RaftTerm)
{
    /// <summary>Whether this member is the leader it names.</summary>
    public bool IsLeader => MemberId == Leader;
}
