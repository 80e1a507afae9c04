namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 7: a token issuer that never repeats itself.</summary>
[Exercise(7, "Token issuer", Lesson = 4, Hint = "Loop: read the last token, CompareAndSwap(last, last + 1); return last + 1 when the swap worked, else try again.")]
public sealed class Exercise07_TokenIssuer
{
    /// <summary>Tokens go up by one from the register's value.</summary>
    [Fact, Points(1)]
    public void Task1_IssuesIncreasingTokens()
    {
        var register = new AtomicRegister(32);
        var issuer = new TokenIssuer(register);
        Expect.Returns(new FencingToken(33), issuer.Issue(), "Issue() with 32 in the register", "the next token follows the last one issued");
        Expect.Returns(new FencingToken(34), issuer.Issue(), "the second Issue()", "every token is higher than the one before");
        Expect.Returns(34L, register.Read(), "the register after two tokens", "the register holds the last token issued");
    }

    /// <summary>Another request sneaks in between the read and the write.</summary>
    [Fact, Points(3)]
    public void Task2_SurvivesARaceBetweenReadAndWrite()
    {
        var register = new RacingRegister(10);
        FencingToken? competitor = null;
        register.Competitor = () => competitor = new TokenIssuer(register).Issue();
        var mine = new TokenIssuer(register).Issue();
        Expect.That(competitor is { } other && other != mine && Math.Max(other.Value, mine.Value) == 12 && Math.Min(other.Value, mine.Value) == 11,
            $"Two requests that ran at once got {Expect.Show(competitor)} and {Expect.Show(mine)}{(register.WriteCalled ? " (the code used Write: read-then-write)" : "")}; the lesson expects tokens 11 and 12, never the same one twice: use CompareAndSwap and retry when it fails.");
    }

    /// <summary>Eight threads at once, a thousand tokens each.</summary>
    [Fact, Points(2)]
    public void Task3_NeverRepeatsUnderRealThreads()
    {
        var register = new AtomicRegister();
        var issuer = new TokenIssuer(register);
        var issued = new long[8][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            issued[t] = new long[1000];
            for (int i = 0; i < 1000; i++)
            {
                issued[t][i] = issuer.Issue().Value;
            }
        });
        var all = issued.SelectMany(t => t).ToArray();
        int distinct = all.Distinct().Count();
        Expect.That(distinct == 8000 && all.Max() == 8000, $"8 threads issued 8000 tokens, of which {distinct} were distinct, the highest {all.Max()}; the lesson expects 8000 distinct tokens, 1 to 8000.");
        Expect.That(issued.All(t => t.Zip(t.Skip(1)).All(p => p.First < p.Second)), "One thread got a token lower than one it got before; the lesson expects every token to be higher than every token issued before it.");
    }
}
