namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 5: a voter in an election.</summary>
[Exercise(5, "Voter", Lesson = 5, Hint = "First adopt any higher term (forget the vote, stop leading); then refuse lower terms and second votes.")]
public sealed class Exercise05_Voter
{
    /// <summary>One vote per term.</summary>
    [Fact, Points(2)]
    public void Task1_GrantsOneVotePerTerm()
    {
        var voter = new Voter("C");
        Expect.Returns(new VoteReply(new Term(1), true), voter.OnRequestVote(new Term(1), "A"), "C.OnRequestVote(term 1, A) as C's first vote", "C has not voted in term 1");
        Expect.Returns(new VoteReply(new Term(1), false), voter.OnRequestVote(new Term(1), "B"), "C.OnRequestVote(term 1, B) after voting for A", "one vote per term: two votes would let two leaders win term 1");
        Expect.Returns(new VoteReply(new Term(1), true), voter.OnRequestVote(new Term(1), "A"), "C.OnRequestVote(term 1, A) again", "a retried request from the same candidate gets the same answer");
        Expect.Returns("A", voter.VotedFor, "VotedFor", "C voted for A in term 1");
        voter.OnTermSeen(new Term(1));
        Expect.Returns(new VoteReply(new Term(1), false), voter.OnRequestVote(new Term(1), "B"), "C.OnRequestVote(term 1, B) after a heartbeat of term 1", "only a higher term forgets the vote; forgetting it on the same term gives two votes in term 1, and two leaders");
        Expect.Returns("A", voter.VotedFor, "VotedFor after a heartbeat of term 1", "C's vote in term 1 is still A's");
    }

    /// <summary>A candidate from an older term is refused and told the current term.</summary>
    [Fact, Points(2)]
    public void Task2_RejectsLowerTerms()
    {
        var voter = new Voter("C");
        voter.OnTermSeen(new Term(5));
        Expect.Returns(new VoteReply(new Term(5), false), voter.OnRequestVote(new Term(4), "A"), "C.OnRequestVote(term 4, A) in term 5", "a candidate from an older term is refused and told term 5");
        Expect.Returns(null, voter.VotedFor, "VotedFor after refusing", "a refused request is not a vote");
    }

    /// <summary>A higher term resets the vote and deposes a leader.</summary>
    [Fact, Points(3)]
    public void Task3_StepsDownOnAHigherTerm()
    {
        var voter = new Voter("A");
        Expect.Returns(new Term(1), voter.StartElection(), "A.StartElection() from term 0", "standing moves to the next term");
        Expect.Returns("A", voter.VotedFor, "VotedFor after standing", "a candidate votes for itself");
        Expect.Returns(true, voter.OnVotesCounted(new Term(1), 2, 3), "A.OnVotesCounted(term 1, 2 votes, 3 nodes)", "2 of 3 is a majority");
        Expect.Returns(true, voter.IsLeader, "IsLeader after winning", "A won term 1");
        var reply = voter.OnRequestVote(new Term(2), "B");
        Expect.Returns(new VoteReply(new Term(2), true), reply, "A.OnRequestVote(term 2, B) while leading term 1", "a higher term wins: A adopts term 2 and has not voted in it");
        Expect.Returns(false, voter.IsLeader, "IsLeader after seeing term 2", "a leader that sees a higher term steps down");
        voter.OnTermSeen(new Term(7));
        Expect.Returns(new Term(7), voter.CurrentTerm, "CurrentTerm after seeing term 7", "a node adopts any higher term it sees");
        Expect.Returns(null, voter.VotedFor, "VotedFor after seeing term 7", "the vote belonged to term 2");
        voter.OnTermSeen(new Term(3));
        Expect.Returns(new Term(7), voter.CurrentTerm, "CurrentTerm after seeing term 3 in term 7", "terms never go back");
        var leader = new Voter("D");
        leader.OnVotesCounted(leader.StartElection(), 3, 5);
        Expect.Returns(true, leader.IsLeader, "D.IsLeader after 3 of 5 votes in term 1", "3 of 5 is a majority");
        leader.OnTermSeen(new Term(2));
        Expect.Returns(false, leader.IsLeader, "D.IsLeader after a heartbeat of term 2 while leading term 1", "a leader that sees a higher term anywhere (a heartbeat, a reply) steps down: a newer election has started");
        Expect.Returns(new Term(2), leader.CurrentTerm, "D.CurrentTerm after a heartbeat of term 2", "a node adopts any higher term it sees");
    }

    /// <summary>Leads only with a majority, in the term it stood in.</summary>
    [Fact, Points(2)]
    public void Task4_LeadsOnlyWithAMajorityOfItsOwnTerm()
    {
        var voter = new Voter("A");
        var term = voter.StartElection();
        Expect.Returns(false, voter.OnVotesCounted(term, 2, 4), "OnVotesCounted(2 votes, 4 nodes)", "2 of 4 is not a majority: with it both sides of a 2-2 split could lead");
        Expect.Returns(false, voter.IsLeader, "IsLeader with 2 of 4 votes", "no majority, no leadership");
        var next = voter.StartElection();
        Expect.Returns(false, voter.OnVotesCounted(term, 3, 4), "OnVotesCounted(old term 1, 3 votes) while standing in term 2", "votes of an old term elect nobody now");
        Expect.Returns(true, voter.OnVotesCounted(next, 3, 4), "OnVotesCounted(term 2, 3 votes, 4 nodes)", "3 of 4 is a majority");
        Expect.Returns(true, voter.OnVotesCounted(next, 4, 4), "OnVotesCounted(term 2, 4 votes, 4 nodes)", "all 4 votes are a majority too");
        Expect.Returns(new Term(3), voter.StartElection(), "A.StartElection() while leading term 2", "standing moves to the next term");
        Expect.Returns(false, voter.IsLeader, "A.IsLeader after standing in term 3", "no majority of term 3's votes yet, no leadership: leading term 2 says nothing about term 3");
        Expect.Returns(false, voter.OnVotesCounted(new Term(3), 2, 4), "A.OnVotesCounted(term 3, 2 votes, 4 nodes) after leading term 2", "no majority, no leadership, whatever the node led before");
        var late = new Voter("E");
        var stood = late.StartElection();
        late.OnTermSeen(new Term(2));
        Expect.Returns(false, late.OnVotesCounted(stood, 3, 3), "E.OnVotesCounted(term 1, 3 votes) after E saw term 2", "votes of an old term elect nobody now: E stood in term 1 but the cluster has moved on to term 2");
        Expect.Returns(false, late.IsLeader, "E.IsLeader after counting term 1's votes in term 2", "votes of an old term elect nobody now");
        var other = new Voter("B");
        other.OnRequestVote(new Term(1), "A");
        Expect.Returns(false, other.OnVotesCounted(new Term(1), 3, 3), "B.OnVotesCounted(term 1, 3 votes) after B voted for A in term 1", "B did not stand in term 1, so no count makes it leader");
        Expect.Returns(false, other.OnVotesCounted(new Term(1), 0, 3), "B.OnVotesCounted(term 1, 0 votes, 3 nodes)", "zero votes is a valid count that elects nobody");
        var single = new Voter("S");
        Expect.Returns(true, single.OnVotesCounted(single.StartElection(), 1, 1), "S.OnVotesCounted(term 1, 1 vote, 1 node)", "a single node is its own majority");
        Expect.Rejects(() => voter.OnVotesCounted(next, 5, 4), "votes", "OnVotesCounted(5 votes, 4 nodes)");
        Expect.Rejects(() => voter.OnVotesCounted(next, 0, 0), "clusterSize", "OnVotesCounted(0 votes, 0 nodes)");
        Expect.Rejects(() => new Voter(""), "name", "new Voter(\"\")");
    }
}
