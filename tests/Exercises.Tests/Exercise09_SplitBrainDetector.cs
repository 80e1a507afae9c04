namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 9: a split-brain detector.</summary>
[Exercise(9, "Split-brain detector", Lesson = 6, Hint = "Keep the latest token per node; everyone below the highest steps down, and everyone at the highest if two share it.")]
public sealed class Exercise09_SplitBrainDetector
{
    /// <summary>One primary is not split brain.</summary>
    [Fact, Points(1)]
    public void Task1_OnePrimaryIsFine()
    {
        var detector = new SplitBrainDetector();
        Expect.Returns(false, detector.SplitBrainSeen, "SplitBrainSeen with no claims", "nobody claims to be primary");
        Expect.Returns("[]", Expect.Show(detector.MustStepDown()), "MustStepDown() with no claims", "nobody has to step down");
        detector.Observe("A", new FencingToken(33));
        detector.Observe("A", new FencingToken(34));
        Expect.Returns(false, detector.SplitBrainSeen, "SplitBrainSeen after two claims by A", "one node is counted once");
        Expect.Returns("[]", Expect.Show(detector.MustStepDown()), "MustStepDown() with one primary", "nobody has to step down");
    }

    /// <summary>Two primaries: the lower token steps down.</summary>
    [Fact, Points(3)]
    public void Task2_TheLowerTokenStepsDown()
    {
        var detector = new SplitBrainDetector();
        detector.Observe("B", new FencingToken(34));
        detector.Observe("A", new FencingToken(33));
        Expect.Returns(true, detector.SplitBrainSeen, "SplitBrainSeen with A (33) and B (34)", "two nodes claim to be primary");
        Expect.Returns("[\"A\"]", Expect.Show(detector.MustStepDown()), "MustStepDown() with A (33) and B (34)", "the lower token came from the deposed leader");
        detector.Observe("C", new FencingToken(35));
        Expect.Returns("[\"A\", \"B\"]", Expect.Show(detector.MustStepDown()), "MustStepDown() with A (33), B (34), C (35)", "only the highest token stays, names in ordinal order");
        detector.Observe("A", new FencingToken(36));
        Expect.Returns("[\"B\", \"C\"]", Expect.Show(detector.MustStepDown()), "MustStepDown() after A claims again with 36", "a node's newer claim replaces its older one");
        var named = new SplitBrainDetector();
        named.Observe("Z", new FencingToken(33));
        named.Observe("A", new FencingToken(34));
        named.Observe("M", new FencingToken(35));
        Expect.Returns("[\"A\", \"Z\"]", Expect.Show(named.MustStepDown()), "MustStepDown() with Z (33), A (34), M (35)", "names in ordinal order, whatever their tokens or the order of the claims");
    }

    /// <summary>Two primaries with the same token cannot be told apart.</summary>
    [Fact, Points(2)]
    public void Task3_ATieDeposesBoth()
    {
        var detector = new SplitBrainDetector();
        detector.Observe("A", new FencingToken(7));
        detector.Observe("B", new FencingToken(7));
        detector.Observe("C", new FencingToken(5));
        Expect.Returns("[\"A\", \"B\", \"C\"]", Expect.Show(detector.MustStepDown()), "MustStepDown() with A (7), B (7), C (5)", "a shared highest token proves nothing: tokens must be unique, so all step down");
        var pair = new SplitBrainDetector();
        pair.Observe("A", new FencingToken(7));
        pair.Observe("B", new FencingToken(7));
        Expect.Returns(true, pair.SplitBrainSeen, "SplitBrainSeen with A (7) and B (7)", "two nodes claim to be primary, whatever their tokens");
        Expect.Rejects(() => detector.Observe("", new FencingToken(8)), "node", "Observe(\"\", token 8)");
    }
}
