namespace SplitBrain.Lab;

/// <summary>The extra act with 3 etcd members: etcd's own leader frozen, and the election that followed.</summary>
/// <param name="FrozenLeader">The member that led and was frozen.</param>
/// <param name="TermBefore">The Raft term before.</param>
/// <param name="NewLeader">The member the others elected.</param>
/// <param name="TermAfter">The Raft term after: higher.</param>
/// <param name="ElectionSeconds">Wall-clock seconds from the freeze until the others agreed on a new leader.</param>
/// <param name="TokenAfter">The fencing token a client got through the new leader.</param>
/// <param name="WriteAfterAccepted">Whether that client's write was accepted.</param>
/// <param name="StaleStillRefused">Whether client 1's old token was still refused.</param>
public sealed record EtcdElectionAct(string FrozenLeader, ulong TermBefore, string NewLeader, ulong TermAfter, double ElectionSeconds, long TokenAfter, bool WriteAfterAccepted, bool StaleStillRefused);
