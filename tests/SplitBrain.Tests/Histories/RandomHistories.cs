namespace SplitBrain.Tests.Histories;

/// <summary>Small random histories for the three models, built from a seed, with overlapping and indeterminate operations.</summary>
public static class RandomHistories
{
    /// <summary>A history of <paramref name="count"/> operations for <paramref name="model"/> (register, kv or bank).</summary>
    public static History Make(string model, int seed, int count)
    {
        var random = new Random(seed);
        // Each operation gets an interval of event positions; positions are distinct, so overlaps are random.
        var positions = Enumerable.Range(0, 2 * count).OrderBy(_ => random.Next()).ToArray();
        var operations = new List<Operation>();
        for (int i = 0; i < count; i++)
        {
            long a = positions[2 * i];
            long b = positions[2 * i + 1];
            var (invoked, completed) = a < b ? (a, b) : (b, a);
            var outcome = random.Next(10) switch
            {
                < 6 => OperationOutcome.Ok,
                < 8 => OperationOutcome.Info,
                _ => OperationOutcome.Fail,
            };
            var operation = model switch
            {
                "register" => Register(random, outcome),
                "kv" => KeyValue(random, outcome),
                _ => Bank(random, outcome),
            };
            operations.Add(operation with
            {
                Process = i,
                Invoked = invoked,
                Completed = outcome == OperationOutcome.Info ? null : completed,
            });
        }

        operations.Sort((x, y) => x.Invoked.CompareTo(y.Invoked));
        return new History(operations.Select((o, id) => o with { Id = id }).ToArray());
    }

    private static Operation Register(Random random, OperationOutcome outcome)
    {
        object? Value() => random.Next(4) == 0 ? null : (long)random.Next(3);
        return random.Next(3) switch
        {
            0 => Op("read", null, outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome, Value()),
            1 => Op("write", (long)random.Next(3), outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome, null),
            _ => Op("cas", new List<object?> { Value(), (long)random.Next(3) }, outcome, null),
        };
    }

    private static Operation KeyValue(Random random, OperationOutcome outcome)
    {
        string key = random.Next(2) == 0 ? "a" : "b";
        string Text() => random.Next(3) switch { 0 => "", 1 => "x", _ => "xy" };
        var ok = outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome;
        return (random.Next(3) switch
        {
            0 => Op("get", null, ok, Text()),
            1 => Op("put", Text(), ok, null),
            _ => Op("append", random.Next(2) == 0 ? "x" : "y", ok, null),
        }) with { Key = key };
    }

    private static Operation Bank(Random random, OperationOutcome outcome) => random.Next(3) switch
    {
        0 => Op("deposit", (long)(random.Next(3) * 30), outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome, null),
        1 => Op("withdraw", (long)(random.Next(1, 3) * 30), outcome, null),
        _ => Op("read", null, outcome == OperationOutcome.Fail ? OperationOutcome.Ok : outcome, (long)(random.Next(3) * 30)),
    };

    private static Operation Op(string function, object? argument, OperationOutcome outcome, object? result) => new()
    {
        Id = 0,
        Process = 0,
        Function = function,
        Argument = argument,
        Outcome = outcome,
        Result = outcome == OperationOutcome.Ok ? result ?? argument : null,
        Invoked = 0,
    };
}
