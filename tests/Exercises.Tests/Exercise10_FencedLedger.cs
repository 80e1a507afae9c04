namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 10: the bank ledger, fenced at the storage.</summary>
[Exercise(10, "Fenced ledger", Lesson = 4, Hint = "Refuse a lower token; remember a token that passed; then check the balance and debit in the same method.")]
public sealed class Exercise10_FencedLedger
{
    /// <summary>The bank-ledger story: $100, two $60 withdrawals from two leaders.</summary>
    [Fact, Points(3)]
    public void Task1_NeverPaysOutMoreThanTheBalance()
    {
        var ledger = new FencedLedger(100);
        Expect.Returns(true, ledger.TryWithdraw(new FencingToken(34), 60), "TryWithdraw(token 34, $60) from $100", "the money is there");
        Expect.Returns(false, ledger.TryWithdraw(new FencingToken(34), 60), "TryWithdraw(token 34, $60) from $40", "paying out $120 from $100 is the bug this course is about");
        Expect.Returns(40L, ledger.Balance, "Balance", "$100 - $60");
    }

    /// <summary>The deposed leader's withdrawal is refused even when the money is there.</summary>
    [Fact, Points(2)]
    public void Task2_RefusesTheDeposedLeader()
    {
        var ledger = new FencedLedger(100);
        ledger.TryWithdraw(new FencingToken(34), 10);
        Expect.Returns(false, ledger.TryWithdraw(new FencingToken(33), 10), "TryWithdraw(token 33, $10) after token 34", "leader 33 was replaced");
        Expect.Returns(90L, ledger.Balance, "Balance", "only the $10 with token 34 was paid");
        var short_ = new FencedLedger(10);
        short_.TryWithdraw(new FencingToken(50), 60);
        Expect.Returns(false, short_.TryWithdraw(new FencingToken(49), 5), "TryWithdraw(token 49, $5) after token 50 was refused for lack of money", "a token that passed the check is remembered even when the money is short");
        Expect.Returns(new FencingToken(50), short_.Highest, "Highest", "token 50 passed the token check");
    }

    /// <summary>Many seeded schedules of two leaders' withdrawals: no overdraft, no stale payment.</summary>
    [Fact, Points(3)]
    public void Task3_HoldsUnderRandomSchedules()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var random = new Random(seed);
            var ledger = new FencedLedger(100);
            long paid = 0;
            long highest = 0;
            var schedule = new List<string>();
            for (int step = 0; step < 12; step++)
            {
                long token = random.Next(30, 36);
                long amount = random.Next(1, 70);
                schedule.Add($"{amount}@{token}");
                bool ok = ledger.TryWithdraw(new FencingToken(token), amount);
                bool stale = token < highest;
                if (!stale)
                {
                    highest = token;
                }

                Expect.That(!(ok && stale), $"Seed {seed}, schedule [{string.Join(", ", schedule)}]: a withdrawal with token {token} was paid after token {highest} was seen; the lesson expects stale tokens refused. Replay: course grade --exercise 10 (seeds 1 to 300, the same every time).");
                Expect.That(ok == (!stale && amount <= 100 - paid), $"Seed {seed}, schedule [{string.Join(", ", schedule)}]: TryWithdraw returned {Expect.Show(ok)} with ${100 - paid} left; the lesson expects {Expect.Show(!stale && amount <= 100 - paid)}. Replay: course grade --exercise 10 (seeds 1 to 300, the same every time).");
                paid += ok ? amount : 0;
                Expect.That(ledger.Balance == 100 - paid && ledger.Balance >= 0, $"Seed {seed}, schedule [{string.Join(", ", schedule)}]: Balance is ${ledger.Balance} after paying ${paid} from $100; the lesson expects ${100 - paid} and never below $0 (no-overdraft). Replay: course grade --exercise 10 (seeds 1 to 300, the same every time).");
            }
        }
    }

    /// <summary>Impossible amounts are refused.</summary>
    [Fact, Points(1)]
    public void Task4_RejectsImpossibleAmounts()
    {
        Expect.Rejects(() => new FencedLedger(-1), "openingBalance", "new FencedLedger(-1)");
        Expect.Returns(0L, new FencedLedger(0).Balance, "new FencedLedger(0).Balance", "an empty account is allowed");
        var ledger = new FencedLedger(100);
        Expect.Rejects(() => ledger.TryWithdraw(new FencingToken(1), 0), "amount", "TryWithdraw(token 1, $0)");
        Expect.Rejects(() => ledger.TryWithdraw(new FencingToken(1), -5), "amount", "TryWithdraw(token 1, -$5)");
        Expect.Returns(100L, ledger.Balance, "Balance after refused withdrawals", "nothing was paid");
    }

    /// <summary>The bank-ledger scenario on the simulator, 200 seeds: a paused old leader (33), a new one (34).</summary>
    [Fact, Points(3)]
    public void Task5_KeepsNoOverdraftInTheBankLedgerScenario()
    {
        int accepted = 0;
        for (long seed = 1; seed <= 200; seed++)
        {
            var (paid, balance, violation) = BankLedgerRun.Run(seed);
            Expect.That(violation is null, $"Bank-ledger scenario, seed {seed}: {violation}. The lesson expects no overdraft and no stale token paid. Replay: course grade --exercise 10 (seeds 1 to 200, the same every time; this is seed {seed}).");
            Expect.That(balance >= 0 && paid <= BankLedgerRun.OpeningBalance, $"Bank-ledger scenario, seed {seed}: paid ${paid}, balance ${balance}; the lesson expects at most $100 paid. Replay: course grade --exercise 10 (seed {seed}).");
            accepted += paid > 0 ? 1 : 0;
        }

        Expect.That(accepted > 150, $"Only {accepted} of 200 runs paid anything; the lesson expects the current leader's withdrawals to be paid while the money is there.");
    }

    /// <summary>
    /// Your ledger's token check and your exercise-2 guard at the store of the library's bank-ledger scenario,
    /// under the explorer's random fault schedules.
    /// </summary>
    [Fact, Points(3)]
    public void Task6_YourGuardHoldsUnderTheExplorersSchedules()
    {
        var scenario = new BankLedgerScenario(LearnerGuard.At);
        var result = Explorer.Run(scenario, new ExploreOptions { Schedules = 100, Fencing = true, Parallelism = 1 });
        Expect.That(result.Violations == 0, $"The explorer found {result.Violations} violating schedule(s) of {result.Schedules}; first, seed {result.FirstViolatingSeed}: {result.FirstViolation}. The lesson expects no overdraft and no stale write with your token checks at the store. Shrunk schedule: {string.Join(", ", result.ShrunkSchedule ?? [])}. Replay with your code: course grade --exercise 10; the same schedule with the course's own guard: course {result.Replay}.");
        Expect.That(result.Schedules == 100, $"The explorer ran {result.Schedules} schedules; the test expects 100.");
    }
}
