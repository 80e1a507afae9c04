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

    /// <summary>Two requests at once, in every interleaving of their register calls.</summary>
    [Fact, Points(2)]
    public void Task3_NeverRepeatsInAnyInterleaving()
    {
        int tried = Interleavings.Explore(initial: 10, requests: 2, tokensEach: 1, register =>
        {
            var issuer = new TokenIssuer(register);
            return () => issuer.Issue().Value;
        }, schedule =>
        {
            string where = $"Interleaving {schedule.Number} of two requests for a token, with 10 in the register ({schedule.Story})";
            const string Replay = "Replay: course grade --exercise 7 (the interleavings are tried in the same order every time).";
            Expect.That(schedule.Error is null, $"{where}: {schedule.Error}. {Replay}");
            var all = schedule.Tokens.SelectMany(t => t).ToArray();
            Expect.That(all.Distinct().Count() == all.Length, $"{where}: request 1 got {string.Join(", ", schedule.Tokens[0])} and request 2 got {string.Join(", ", schedule.Tokens[1])}: the same token twice. The lesson expects every token higher than every token issued before it, never the same one twice: use CompareAndSwap, read again and retry when it fails, and return the value your own swap stored. {Replay}");
            Expect.That(all.Order().SequenceEqual([11L, 12L]), $"{where}: the tokens were [{string.Join(", ", all.Order())}]; the lesson expects 11 and 12: each token one above the last one issued. {Replay}");
        });
        Expect.That(tried > 1, $"Only {tried} interleaving(s) were tried: the issuer made no register calls; the lesson expects Read and CompareAndSwap.");
    }
}
