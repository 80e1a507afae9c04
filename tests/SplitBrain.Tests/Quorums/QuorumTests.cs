namespace SplitBrain.Tests.Quorums;

public class QuorumTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(2, 2, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(4, 3, 1)]
    [InlineData(5, 3, 2)]
    [InlineData(7, 4, 3)]
    public void A_majority_is_more_than_half_and_tolerates_the_rest_failing(int nodes, int size, int tolerated)
    {
        var quorum = Quorum.Majority(nodes);
        Assert.Equal(size, quorum.Size);
        Assert.Equal(tolerated, quorum.FailuresTolerated);
        Assert.True(quorum.IsMajority);
    }

    [Fact]
    public void Four_nodes_tolerate_no_more_failures_than_three()
    {
        Assert.Equal(Quorum.Majority(3).FailuresTolerated, Quorum.Majority(4).FailuresTolerated);
    }

    [Fact]
    public void In_a_two_two_split_no_side_has_a_majority_but_two_of_four_lets_both_act()
    {
        Assert.Equal([false, false], Quorum.Majority(4).SidesThatCanAct(2, 2));
        Assert.Equal([true, true], new Quorum(2, 4).SidesThatCanAct(2, 2));
        Assert.False(new Quorum(2, 4).IsMajority);
    }

    [Fact]
    public void In_a_three_two_split_only_the_three_can_act()
    {
        Assert.Equal([true, false], Quorum.Majority(5).SidesThatCanAct(3, 2));
    }

    [Fact]
    public void Bad_sizes_are_refused_with_their_names()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => new Quorum(5, 4)).ParamName);
        Assert.Equal("clusterSize", Assert.Throws<ArgumentOutOfRangeException>(() => new Quorum(1, 0)).ParamName);
        Assert.Equal("sideSizes", Assert.Throws<ArgumentException>(() => Quorum.Majority(4).SidesThatCanAct(2, 1)).ParamName);
        Assert.Equal("groupSize", Assert.Throws<ArgumentOutOfRangeException>(() => Quorum.Majority(3).CanAct(4)).ParamName);
    }

    [Fact]
    public void Two_majorities_of_the_same_cluster_always_overlap()
    {
        for (int n = 1; n <= 9; n++)
        {
            var q = Quorum.Majority(n);
            Assert.True(q.Size + q.Size > n, $"two majorities of {n} must share a node");
        }
    }
}
