namespace SplitBrain;

/// <summary>
/// One register: <c>read</c> returns the value (nil before the first write), <c>write</c> sets it, <c>cas</c>
/// with <c>[from to]</c> sets it to <c>to</c> only if it holds <c>from</c> (<c>:ok</c>: it swapped; <c>:fail</c>: it
/// did not, because the register held something else). A <c>:fail</c> that names an <c>:error</c> (like
/// <c>:fenced</c>) was refused before it looked at the value: it only says nothing changed.
/// </summary>
public sealed class RegisterModel : Model<object?>
{
    /// <inheritdoc />
    public override string Name => "register";

    /// <inheritdoc />
    public override IReadOnlyList<string> Functions => ["read", "write", "cas"];

    /// <inheritdoc />
    public override object? Init() => null;

    /// <inheritdoc />
    public override bool Matters(Operation operation) =>
        operation.Outcome != OperationOutcome.Fail ? operation.Function != "read" || operation.Outcome == OperationOutcome.Ok
        : operation.Function == "cas" && operation.Error is null;

    /// <inheritdoc />
    public override bool Step(object? state, Operation operation, out object? next)
    {
        ArgumentNullException.ThrowIfNull(operation);
        next = state;
        switch (operation.Function)
        {
            case "read":
                return operation.Outcome != OperationOutcome.Ok || Equals(operation.Result, state);
            case "write":
                if (operation.Outcome != OperationOutcome.Fail)
                {
                    next = operation.Argument;
                }

                return true;
            case "cas":
                var (from, to) = Pair(operation);
                bool holds = Equals(state, from);
                if (holds && operation.Outcome != OperationOutcome.Fail)
                {
                    next = to;
                }

                return operation.Outcome switch
                {
                    OperationOutcome.Ok => holds,
                    OperationOutcome.Fail => !holds || operation.Error is not null,
                    _ => true,
                };
            default:
                throw new ArgumentException($"A register knows read, write and cas; the history has \"{operation.Function}\".", nameof(operation));
        }
    }

    /// <inheritdoc />
    public override string Describe(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        string told = operation.Outcome switch
        {
            OperationOutcome.Info => "never heard back",
            OperationOutcome.Fail => "failed",
            _ => "ok",
        };
        return operation.Function switch
        {
            "read" => operation.Outcome == OperationOutcome.Ok ? $"process {operation.Process} read {Edn.Write(operation.Result)}" : $"process {operation.Process} read ({told})",
            "write" => $"process {operation.Process} wrote {Edn.Write(operation.Argument)} ({told})",
            "cas" => $"process {operation.Process} cas {Edn.Write(Pair(operation).From)}→{Edn.Write(Pair(operation).To)} ({(operation.Outcome == OperationOutcome.Ok ? "swapped" : told)})",
            _ => operation.ToString(),
        };
    }

    /// <inheritdoc />
    public override string DescribeState(object? state) => $"the register holds {Edn.Write(state)}";

    /// <inheritdoc />
    public override string Allowed(object? state, Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Function switch
        {
            "read" => $"a read returns {Edn.Write(state)}",
            "cas" when operation.Outcome == OperationOutcome.Ok => $"the cas fails: it needs {Edn.Write(Pair(operation).From)} but the register holds {Edn.Write(state)}",
            "cas" => $"the cas swaps, because the register holds {Edn.Write(state)}",
            _ => "any answer",
        };
    }

    private static (object? From, object? To) Pair(Operation operation) =>
        operation.Argument is IReadOnlyList<object?> { Count: 2 } pair
            ? (pair[0], pair[1])
            : throw new ArgumentException($"A cas takes [from to]; operation {operation.Id} has {Edn.Write(operation.Argument)}.", nameof(operation));
}
