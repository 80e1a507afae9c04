namespace SplitBrain;

/// <summary>
/// One bank account that starts at $0: <c>deposit</c> adds, <c>withdraw</c> pays out only when the balance covers
/// it (<c>:ok</c>: paid; <c>:fail</c>: refused, no money moved), <c>read</c> returns the balance. The course's bank
/// histories open with a deposit of the opening balance.
/// </summary>
public sealed class BankAccountModel : Model<long>
{
    /// <inheritdoc />
    public override string Name => "bank";

    /// <inheritdoc />
    public override IReadOnlyList<string> Functions => ["deposit", "withdraw", "read"];

    /// <inheritdoc />
    public override long Init() => 0;

    /// <inheritdoc />
    public override bool Matters(Operation operation) =>
        operation.Outcome != OperationOutcome.Fail && !(operation.Function == "read" && operation.Outcome == OperationOutcome.Info);

    /// <inheritdoc />
    public override bool Step(long state, Operation operation, out long next)
    {
        ArgumentNullException.ThrowIfNull(operation);
        next = state;
        if (operation.Outcome == OperationOutcome.Fail)
        {
            return true;
        }

        switch (operation.Function)
        {
            case "deposit":
                next = state + Amount(operation);
                return true;
            case "withdraw":
                long amount = Amount(operation);
                bool covered = state >= amount;
                if (covered)
                {
                    next = state - amount;
                }

                return covered || operation.Outcome == OperationOutcome.Info;
            case "read":
                return operation.Outcome != OperationOutcome.Ok || (operation.Result is long balance && balance == state);
            default:
                throw new ArgumentException($"A bank account knows deposit, withdraw and read; the history has \"{operation.Function}\".", nameof(operation));
        }
    }

    /// <inheritdoc />
    public override string Describe(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        string told = operation.Outcome switch
        {
            OperationOutcome.Ok => operation.Function == "withdraw" ? "paid" : "ok",
            OperationOutcome.Fail => "refused",
            _ => "never heard back",
        };
        return operation.Function switch
        {
            "withdraw" => $"process {operation.Process} withdrew ${Edn.Write(operation.Argument)} ({told})",
            "deposit" => $"process {operation.Process} deposited ${Edn.Write(operation.Argument)} ({told})",
            "read" => operation.Outcome == OperationOutcome.Ok ? $"process {operation.Process} read a balance of ${Edn.Write(operation.Result)}" : $"process {operation.Process} read the balance ({told})",
            _ => operation.ToString(),
        };
    }

    /// <inheritdoc />
    public override string DescribeState(long state) => $"the balance is ${state}";

    /// <inheritdoc />
    public override string Allowed(long state, Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Function switch
        {
            "withdraw" => state >= Amount(operation) ? $"the withdrawal is paid, leaving ${state - Amount(operation)}" : $"a withdrawal of ${Amount(operation)} is refused when the balance is ${state}",
            "read" => $"a read returns ${state}",
            _ => "any answer",
        };
    }

    private static long Amount(Operation operation) =>
        operation.Argument is long amount ? amount : throw new ArgumentException($"A {operation.Function} takes an amount in dollars; operation {operation.Id} has {Edn.Write(operation.Argument)}.", nameof(operation));
}
