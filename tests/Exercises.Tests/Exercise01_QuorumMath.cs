namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 1: majority and quorum math.</summary>
[Exercise(1, "Quorum math", Lesson = 2, Hint = "A majority of n is n / 2 + 1 (integer division); a side may write only if it holds a majority of the whole cluster.")]
public sealed class Exercise01_QuorumMath
{
    /// <summary>Majorities of 1 to 7 nodes.</summary>
    [Fact, Points(2)]
    public void Task1_MajorityIsMoreThanHalf()
    {
        int[] expected = [1, 2, 2, 3, 3, 4, 4];
        for (int n = 1; n <= 7; n++)
        {
            Expect.Returns(expected[n - 1], QuorumMath.Majority(n), $"QuorumMath.Majority({n})", "a majority is more than half the nodes");
        }
    }

    /// <summary>4 nodes survive no more failures than 3.</summary>
    [Fact, Points(2)]
    public void Task2_FourNodesTolerateNoMoreThanThree()
    {
        int[] expected = [0, 0, 1, 1, 2, 2];
        for (int n = 1; n <= 6; n++)
        {
            Expect.Returns(expected[n - 1], QuorumMath.FailuresTolerated(n), $"QuorumMath.FailuresTolerated({n})", "the nodes left after failures must still be a majority; 4 nodes survive 1 failure, like 3");
        }
    }

    /// <summary>Which sides may write.</summary>
    [Fact, Points(2)]
    public void Task3_OnlyAMajoritySideWrites()
    {
        Expect.Returns(true, QuorumMath.CanWrite(3, 5), "QuorumMath.CanWrite(3, 5)", "3 of 5 is a majority");
        Expect.Returns(false, QuorumMath.CanWrite(2, 5), "QuorumMath.CanWrite(2, 5)", "2 of 5 is not a majority");
        Expect.Returns(false, QuorumMath.CanWrite(2, 4), "QuorumMath.CanWrite(2, 4)", "half is not a majority: in a 2-2 split neither side may write");
        Expect.Returns(true, QuorumMath.CanWrite(1, 1), "QuorumMath.CanWrite(1, 1)", "a single node is its own majority");
        Expect.Returns(false, QuorumMath.CanWrite(0, 3), "QuorumMath.CanWrite(0, 3)", "an empty side has no votes");
    }

    /// <summary>Splits of a cluster: 3-2, 2-2, 2-2-1, 1-1.</summary>
    [Fact, Points(2)]
    public void Task4_WritableSidesOfASplit()
    {
        Expect.Returns("[0]", Expect.Show(QuorumMath.WritableSides([3, 2])), "QuorumMath.WritableSides([3, 2])", "only the 3 side of a 3-2 split elects and writes");
        Expect.Returns("[1]", Expect.Show(QuorumMath.WritableSides([2, 3])), "QuorumMath.WritableSides([2, 3])", "the index of the 3 side is 1");
        Expect.Returns("[]", Expect.Show(QuorumMath.WritableSides([2, 2])), "QuorumMath.WritableSides([2, 2])", "in a 2-2 split no side has a majority of 4");
        Expect.Returns("[]", Expect.Show(QuorumMath.WritableSides([2, 2, 1])), "QuorumMath.WritableSides([2, 2, 1])", "2 of 5 is not a majority");
        Expect.Returns("[0]", Expect.Show(QuorumMath.WritableSides([3, 0, 2])), "QuorumMath.WritableSides([3, 0, 2])", "an empty side is allowed and never writes");
        Expect.Returns("[0]", Expect.Show(QuorumMath.WritableSides([5])), "QuorumMath.WritableSides([5])", "an unsplit cluster writes");
    }

    /// <summary>Impossible sizes are refused, naming the parameter.</summary>
    [Fact, Points(2)]
    public void Task5_RejectsImpossibleSizes()
    {
        Expect.Rejects(() => QuorumMath.Majority(0), "clusterSize", "QuorumMath.Majority(0)");
        Expect.Rejects(() => QuorumMath.FailuresTolerated(-1), "clusterSize", "QuorumMath.FailuresTolerated(-1)");
        Expect.Rejects(() => QuorumMath.CanWrite(4, 3), "sideSize", "QuorumMath.CanWrite(4, 3)");
        Expect.Rejects(() => QuorumMath.CanWrite(-1, 3), "sideSize", "QuorumMath.CanWrite(-1, 3)");
        Expect.Rejects(() => QuorumMath.CanWrite(0, 0), "clusterSize", "QuorumMath.CanWrite(0, 0)");
        Expect.Rejects(() => QuorumMath.WritableSides([2, -1]), "sides", "QuorumMath.WritableSides([2, -1])");
        Expect.Rejects(() => QuorumMath.WritableSides([0, 0]), "sides", "QuorumMath.WritableSides([0, 0])");
    }
}
