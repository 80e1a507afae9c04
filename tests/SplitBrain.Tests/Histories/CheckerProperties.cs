using CsCheck;

namespace SplitBrain.Tests.Histories;

/// <summary>The checker against the definition, and against histories whose answer is known by construction.</summary>
public sealed class CheckerProperties
{
    [Fact]
    public void The_checker_agrees_with_brute_force_on_ten_thousand_small_histories()
    {
        var verdicts = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        int indeterminate = 0;
        Gen.Select(Gen.Int, Gen.Int[0, 2], Gen.Int[1, 8]).Sample((seed, kind, count) =>
        {
            string model = new[] { "register", "kv", "bank" }[kind];
            var history = RandomHistories.Make(model, seed, count);
            bool expected = model switch
            {
                "register" => BruteForce.IsLinearizable(Models.Register, history),
                "kv" => BruteForce.IsLinearizable(Models.KeyValue, history),
                _ => BruteForce.IsLinearizable(Models.BankAccount, history),
            };
            var result = Models.Get(model).Check(history);
            lock (verdicts)
            {
                verdicts[expected]++;
                indeterminate += history.Operations.Any(o => o.Outcome == OperationOutcome.Info) ? 1 : 0;
            }

            return result.IsLinearizable == expected;
        }, iter: 10_000, threads: 1);

        Assert.True(verdicts[true] > 1_000 && verdicts[false] > 1_000, $"the sample should hold both verdicts: {verdicts[true]} yes, {verdicts[false]} no");
        Assert.True(indeterminate > 1_000, $"only {indeterminate} histories had an indeterminate operation");
    }

    [Fact]
    public void A_no_names_an_operation_of_the_history_and_a_prefix_the_model_accepts()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 8]).Sample((seed, count) =>
        {
            var history = RandomHistories.Make("register", seed, count);
            var result = Models.Register.Check(history);
            if (result.Failure is not { } failure)
            {
                return true;
            }

            object? state = Models.Register.Init();
            foreach (var operation in failure.Prefix)
            {
                if (!Models.Register.Step(state, operation, out state))
                {
                    return false;
                }
            }

            return history.Operations.Contains(failure.Stuck) && !failure.Prefix.Contains(failure.Stuck);
        }, iter: 2_000);
    }

    [Fact]
    public void A_yes_comes_with_an_order_the_model_accepts_that_respects_real_time()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 8]).Sample((seed, count) =>
        {
            var history = RandomHistories.Make("register", seed, count);
            var result = Models.Register.Check(history);
            if (result.IsLinearizable != true)
            {
                return true;
            }

            var relevant = history.Operations.Where(Models.Register.Matters).ToList();
            if (result.Linearization.Count != relevant.Count || relevant.Any(o => !result.Linearization.Contains(o)))
            {
                return false;
            }

            object? state = Models.Register.Init();
            for (int i = 0; i < result.Linearization.Count; i++)
            {
                var operation = result.Linearization[i];
                bool completedEarlierLater = result.Linearization.Skip(i + 1).Any(later => later.Completed is { } done && later.Outcome != OperationOutcome.Info && done < operation.Invoked);
                if (completedEarlierLater || !Models.Register.Step(state, operation, out state))
                {
                    return false;
                }
            }

            return true;
        }, iter: 2_000);
    }

    [Fact]
    public void A_sequential_run_is_linearizable_and_one_stale_read_makes_it_not()
    {
        Gen.Select(Gen.Int, Gen.Int[2, 40]).Sample((seed, count) =>
        {
            var random = new Random(seed);
            var operations = new List<Operation>();
            var seenValues = new List<long?> { null };
            long? register = null;
            for (int i = 0; i < count; i++)
            {
                var operation = random.Next(3) switch
                {
                    0 => Op(i, "write", (long)random.Next(100), OperationOutcome.Ok, null),
                    1 => Op(i, "cas", new List<object?> { register, (long)random.Next(100) }, OperationOutcome.Ok, null),
                    _ => Op(i, "read", null, OperationOutcome.Ok, register),
                };
                if (operation.Function != "read")
                {
                    register = (long)(operation.Function == "write" ? operation.Argument! : ((List<object?>)operation.Argument!)[1]!);
                    seenValues.Add(register);
                }

                operations.Add(operation with { Result = operation.Function == "read" ? operation.Result : operation.Argument });
            }

            var history = new History(operations);
            if (Models.Register.Check(history).IsLinearizable != true)
            {
                return false;
            }

            // Change one read to a value the register held before, but not at that read.
            var reads = operations.Where(o => o.Function == "read").ToList();
            foreach (var read in reads)
            {
                int before = operations.IndexOf(read);
                var held = operations.Take(before).Where(o => o.Function != "read")
                    .Select(o => o.Function == "write" ? (long?)(long)o.Argument! : (long?)(long)((List<object?>)o.Argument!)[1]!)
                    .Prepend(null).Distinct().Where(v => !Equals(v, read.Result)).ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                var stale = operations.Select(o => o == read ? o with { Result = held[random.Next(held.Count)] } : o).ToArray();
                var result = Models.Register.Check(new History(stale));
                return result.IsLinearizable == false && result.Failure!.Stuck.Id == read.Id;
            }

            return true;
        }, iter: 2_000);
    }

    [Fact]
    public void A_sequential_bank_run_is_linearizable_and_a_stale_balance_is_not()
    {
        Gen.Select(Gen.Int, Gen.Int[2, 30]).Sample((seed, count) =>
        {
            var random = new Random(seed);
            var operations = new List<Operation> { Op(0, "deposit", 100L, OperationOutcome.Ok, 100L) };
            long balance = 100;
            for (int i = 1; i < count; i++)
            {
                if (random.Next(2) == 0)
                {
                    long amount = random.Next(1, 5) * 20;
                    bool paid = balance >= amount;
                    balance -= paid ? amount : 0;
                    operations.Add(Op(i, "withdraw", amount, paid ? OperationOutcome.Ok : OperationOutcome.Fail, amount));
                }
                else
                {
                    operations.Add(Op(i, "read", null, OperationOutcome.Ok, balance));
                }
            }

            operations.Add(Op(count, "read", null, OperationOutcome.Ok, balance));
            if (Models.BankAccount.Check(new History(operations)).IsLinearizable != true)
            {
                return false;
            }

            // The last read reports the balance as it was before the last paid withdrawal: a stale read.
            var lastPaid = operations.LastOrDefault(o => o.Function == "withdraw" && o.Outcome == OperationOutcome.Ok);
            if (lastPaid is null)
            {
                return true;
            }

            operations[^1] = operations[^1] with { Result = balance + (long)lastPaid.Argument! };
            return Models.BankAccount.Check(new History(operations)).IsLinearizable == false;
        }, iter: 2_000);
    }

    private static Operation Op(int i, string function, object? argument, OperationOutcome outcome, object? result) => new()
    {
        Id = i,
        Process = i % 3,
        Function = function,
        Argument = argument,
        Outcome = outcome,
        Result = result,
        Invoked = 2L * i,
        Completed = 2L * i + 1,
    };
}
