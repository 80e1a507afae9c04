namespace SplitBrain;

/// <summary>
/// A key-value store of strings: <c>get</c> returns a key's string (a missing key reads as the empty string),
/// <c>put</c> sets it, <c>append</c> adds to its end. Keys never constrain each other, so a history is checked
/// one key at a time.
/// </summary>
public sealed class KeyValueModel : Model<string>
{
    /// <inheritdoc />
    public override string Name => "kv";

    /// <inheritdoc />
    public override IReadOnlyList<string> Functions => ["get", "put", "append"];

    /// <inheritdoc />
    public override string Init() => "";

    /// <inheritdoc />
    public override bool Matters(Operation operation) =>
        !(operation.Function == "get" && operation.Outcome != OperationOutcome.Ok) && operation.Outcome != OperationOutcome.Fail;

    /// <inheritdoc />
    public override bool Step(string state, Operation operation, out string next)
    {
        ArgumentNullException.ThrowIfNull(operation);
        next = state;
        switch (operation.Function)
        {
            case "get":
                return operation.Outcome != OperationOutcome.Ok || state == Text(operation.Result);
            case "put":
                if (operation.Outcome != OperationOutcome.Fail)
                {
                    next = Text(operation.Argument);
                }

                return true;
            case "append":
                if (operation.Outcome != OperationOutcome.Fail)
                {
                    next = state + Text(operation.Argument);
                }

                return true;
            default:
                throw new ArgumentException($"A key-value store knows get, put and append; the history has \"{operation.Function}\".", nameof(operation));
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<IReadOnlyList<Operation>> Partition(IReadOnlyList<Operation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var parts = new Dictionary<string, List<Operation>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var operation in operations)
        {
            string key = operation.Key ?? "";
            if (!parts.TryGetValue(key, out var part))
            {
                parts[key] = part = [];
                order.Add(key);
            }

            part.Add(operation);
        }

        return order.Select(k => (IReadOnlyList<Operation>)parts[k]).ToArray();
    }

    /// <inheritdoc />
    public override string? DescribePart(IReadOnlyList<Operation> part) => part is { Count: > 0 } ? $"key {Edn.Write(part[0].Key ?? "")}" : null;

    /// <inheritdoc />
    public override string Describe(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        string key = Edn.Write(operation.Key ?? "");
        string tail = operation.Outcome == OperationOutcome.Info ? " (never heard back)" : "";
        return operation.Function switch
        {
            "get" => $"process {operation.Process} got {key} = {Edn.Write(Text(operation.Result))}{tail}",
            "put" => $"process {operation.Process} put {key} = {Edn.Write(Text(operation.Argument))}{tail}",
            "append" => $"process {operation.Process} appended {Edn.Write(Text(operation.Argument))} to {key}{tail}",
            _ => operation.ToString(),
        };
    }

    /// <inheritdoc />
    public override string DescribeState(string state) => $"the key holds {Edn.Write(state)}";

    /// <inheritdoc />
    public override string Allowed(string state, Operation operation) => $"a get returns {Edn.Write(state)}";

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        _ => Edn.Write(value),
    };
}
