namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 2: a fencing-token guard.</summary>
[Exercise(2, "Fencing guard", Lesson = 4, Hint = "Keep the highest token accepted; refuse only a token strictly lower than it.")]
public sealed class Exercise02_FencingGuard
{
    /// <summary>The first write is accepted.</summary>
    [Fact, Points(1)]
    public void Task1_AcceptsTheFirstToken()
    {
        var guard = new FencingGuard();
        Expect.Returns(null, guard.Highest, "Highest of a new guard", "nothing was accepted yet");
        Expect.Returns(true, guard.TryAccept(new FencingToken(33)), "TryAccept(token 33) on a new guard", "before any write, any token is accepted");
        Expect.Returns(new FencingToken(33), guard.Highest, "Highest after accepting token 33", "the guard remembers what it accepted");
    }

    /// <summary>Token 33 after token 34 is refused.</summary>
    [Fact, Points(2)]
    public void Task2_RejectsALowerToken()
    {
        var guard = new FencingGuard();
        guard.TryAccept(new FencingToken(34));
        Expect.Returns(false, guard.TryAccept(new FencingToken(33)), "TryAccept(token 33) after token 34", "token 33 comes from a deposed leader");
        Expect.Returns(new FencingToken(34), guard.Highest, "Highest after refusing token 33", "a refused token changes nothing");
    }

    /// <summary>The same leader writes again; a newer leader takes over.</summary>
    [Fact, Points(2)]
    public void Task3_AcceptsEqualAndHigherTokens()
    {
        var guard = new FencingGuard();
        guard.TryAccept(new FencingToken(33));
        Expect.Returns(true, guard.TryAccept(new FencingToken(33)), "TryAccept(token 33) after token 33", "the current leader may write again");
        Expect.Returns(true, guard.TryAccept(new FencingToken(35)), "TryAccept(token 35) after token 33", "a higher token is a newer leader");
        Expect.Returns(new FencingToken(35), guard.Highest, "Highest after token 35", "the guard remembers the highest token");
        Expect.Returns(false, guard.TryAccept(new FencingToken(34)), "TryAccept(token 34) after token 35", "34 is lower than 35");
    }

    /// <summary>Against a model, over many seeded sequences of tokens.</summary>
    [Fact, Points(3)]
    public void Task4_MatchesTheRuleOnRandomSequences()
    {
        for (int seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var guard = new FencingGuard();
            long? highest = null;
            var tokens = new List<long>();
            for (int i = 0; i < 20; i++)
            {
                long token = random.Next(-3, 12);
                tokens.Add(token);
                bool expected = highest is null || token >= highest;
                bool actual = guard.TryAccept(new FencingToken(token));
                Expect.That(expected == actual, $"With tokens [{string.Join(", ", tokens)}] (seed {seed}) the guard returned {Expect.Show(actual)} for the last; the lesson expects {Expect.Show(expected)}: the highest accepted before it was {Expect.Show(highest)}. Replay: course grade --exercise 2 (seeds 1 to 200, the same every time).");
                if (expected)
                {
                    highest = Math.Max(token, highest ?? token);
                }
            }

            Expect.Returns(highest, guard.Highest?.Value, $"Highest after tokens [{string.Join(", ", tokens)}] (seed {seed})", "the highest token accepted (replay: course grade --exercise 2)");
        }
    }
}
