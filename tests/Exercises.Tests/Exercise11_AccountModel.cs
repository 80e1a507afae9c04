namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 11: the bank account as a sequential model.</summary>
[Exercise(11, "Account model", Lesson = 9, Hint = "Start from next = balance; a withdrawal is possible only when balance >= amount; Fail is always legal and changes nothing.")]
public sealed class Exercise11_AccountModel
{
    private static Operation Op(string function, OperationOutcome outcome, long? argument = null, long? result = null) => new()
    {
        Id = 0,
        Process = 1,
        Function = function,
        Argument = argument,
        Outcome = outcome,
        Result = result ?? (outcome == OperationOutcome.Ok && function != "read" ? argument : null),
        Invoked = 0,
        Completed = outcome == OperationOutcome.Info ? null : 1,
    };

    private static void Expects(AccountModel model, long balance, Operation operation, bool legal, long next, string why)
    {
        string call = $"Step(balance {balance}, {operation.Function} {(operation.Function == "read" ? "" : $"${operation.Argument} ")}→ {operation.Outcome}{(operation.Function == "read" && operation.Outcome == OperationOutcome.Ok ? $" ${operation.Result}" : "")})";
        bool actual = model.Step(balance, operation, out long after);
        Expect.That(actual == legal, $"{call} returned {Expect.Show(actual)}; the lesson expects {Expect.Show(legal)}: {why}");
        if (legal)
        {
            Expect.That(after == next, $"{call} set next to {after}; the lesson expects {next}: {why}");
        }
    }

    /// <summary>The account starts empty; deposits add; a read must return the balance.</summary>
    [Fact, Points(2)]
    public void Task1_DepositsAndReads()
    {
        var model = new AccountModel();
        Expect.Returns(0L, model.Init(), "Init()", "an account starts at $0; the history's first operation deposits the opening balance");
        Expects(model, 0, Op("deposit", OperationOutcome.Ok, 100), true, 100, "a deposit of $100 to $0 leaves $100");
        Expects(model, 100, Op("read", OperationOutcome.Ok, result: 100), true, 100, "a read of $100 when the balance is $100 is right, and changes nothing");
        Expects(model, 100, Op("read", OperationOutcome.Ok, result: 40), false, 100, "a read of $40 when the balance is $100 is a stale read: no single account answers it");
    }

    /// <summary>A paid withdrawal needs the balance to cover it; a refused one changed nothing.</summary>
    [Fact, Points(3)]
    public void Task2_Withdrawals()
    {
        var model = new AccountModel();
        Expects(model, 100, Op("withdraw", OperationOutcome.Ok, 60), true, 40, "$100 covers $60, leaving $40");
        Expects(model, 40, Op("withdraw", OperationOutcome.Ok, 60), false, 40, "$40 does not cover $60: that is the second $60 paid in the split brain");
        Expects(model, 60, Op("withdraw", OperationOutcome.Ok, 60), true, 0, "a balance equal to the amount covers it");
        Expects(model, 100, Op("withdraw", OperationOutcome.Fail, 60), true, 100, "a refused withdrawal (Fail) certainly took no effect, whatever the balance");
        Expects(model, 10, Op("withdraw", OperationOutcome.Fail, 60), true, 10, "a refused withdrawal (Fail) is always possible and changes nothing");
    }

    /// <summary>An indeterminate operation is legal, and takes effect as it would.</summary>
    [Fact, Points(2)]
    public void Task3_IndeterminateOperations()
    {
        var model = new AccountModel();
        Expects(model, 100, Op("withdraw", OperationOutcome.Info, 60), true, 40, "an indeterminate withdrawal placed here takes effect: $100 covers $60");
        Expects(model, 40, Op("withdraw", OperationOutcome.Info, 60), true, 40, "an indeterminate withdrawal that $40 cannot cover is legal and pays nothing");
        Expects(model, 100, Op("deposit", OperationOutcome.Info, 30), true, 130, "an indeterminate deposit placed here takes effect");
        Expects(model, 70, Op("read", OperationOutcome.Info), true, 70, "a read with no answer tells nothing and changes nothing");
    }

    /// <summary>Your model in the course's checker: the double withdrawal is not linearizable, the fenced run is, and it agrees with the course's model.</summary>
    [Fact, Points(3)]
    public void Task4_TheCheckerRunsOnYourModel()
    {
        var yours = new LearnerAccountModel(new AccountModel());
        var unfenced = SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = false }).History!;
        var fenced = SplitBrain.Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1, Fencing = true }).History!;
        Expect.Returns(Verdict.NotLinearizable, yours.Check(unfenced).Verdict, "the checker with your model on bank-ledger without fencing", "two $60 withdrawals were paid from $100");
        Expect.Returns(Verdict.Linearizable, yours.Check(fenced).Verdict, "the checker with your model on bank-ledger with fencing", "one withdrawal was paid, the other refused");

        for (int seed = 1; seed <= 300; seed++)
        {
            var history = RandomHistory(seed);
            var expected = Models.BankAccount.Check(history).Verdict;
            var actual = yours.Check(history).Verdict;
            Expect.That(expected == actual, $"On this history (seed {seed}) your model says {actual}, the course's says {expected}:\n{history.ToEdn()}");
        }
    }

    private static History RandomHistory(int seed)
    {
        var random = new Random(seed);
        var operations = new List<Operation> { Op("deposit", OperationOutcome.Ok, 100) with { Process = 0 } };
        int count = random.Next(2, 7);
        var positions = Enumerable.Range(2, 2 * count).OrderBy(_ => random.Next()).ToArray();
        for (int i = 0; i < count; i++)
        {
            long a = positions[2 * i];
            long b = positions[2 * i + 1];
            var outcome = random.Next(6) switch { < 4 => OperationOutcome.Ok, 4 => OperationOutcome.Fail, _ => OperationOutcome.Info };
            var operation = random.Next(3) switch
            {
                0 => Op("withdraw", outcome, random.Next(1, 4) * 30L),
                1 => Op("deposit", outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome, random.Next(1, 3) * 20L),
                _ => Op("read", outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome, result: random.Next(0, 6) * 20L),
            };
            operations.Add(operation with
            {
                Process = i + 1,
                Invoked = Math.Min(a, b),
                Completed = operation.Outcome == OperationOutcome.Info ? null : Math.Max(a, b),
                Result = operation.Outcome == OperationOutcome.Ok ? operation.Result : null,
            });
        }

        operations.Sort((x, y) => x.Invoked.CompareTo(y.Invoked));
        return new History(operations.Select((o, id) => o with { Id = id }).ToArray());
    }
}
