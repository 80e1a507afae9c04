namespace SplitBrain;

/// <summary>
/// A sequential specification that a history is checked against: what one single copy, applying one
/// operation at a time, may answer. The course's models are <see cref="Models.Register"/>,
/// <see cref="Models.KeyValue"/> and <see cref="Models.BankAccount"/>.
/// </summary>
public abstract class HistoryModel
{
    /// <summary>The model's name on the command line: <c>register</c>, <c>kv</c>, <c>bank</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The functions the model knows, like <c>read</c>, <c>write</c>, <c>cas</c>.</summary>
    public abstract IReadOnlyList<string> Functions { get; }

    /// <summary>Checks whether <paramref name="history"/> is linearizable against this model.</summary>
    /// <param name="history">The history.</param>
    /// <param name="options">A budget and a progress callback; null for the defaults.</param>
    public abstract LinearizabilityResult Check(History history, CheckOptions? options = null);
}

/// <summary>
/// A sequential model in Porcupine's shape: an initial state, a step that says whether an operation with
/// the result it returned is legal in a state (and the state after it), an optional split of a history into
/// independent parts, and words for a person. The search (<see cref="Linearizability"/>) never knows which model it runs.
/// </summary>
/// <typeparam name="TState">The state of the single copy; equal states must compare equal (the search remembers states it has seen).</typeparam>
public abstract class Model<TState> : HistoryModel
{
    /// <summary>The state before any operation.</summary>
    public abstract TState Init();

    /// <summary>
    /// Applies <paramref name="operation"/> to <paramref name="state"/>. Returns whether a single copy in that state
    /// could have answered what the operation was told; <paramref name="next"/> is the state after it. An indeterminate
    /// operation (<see cref="OperationOutcome.Info"/>) has no known result: it must be legal in every state, and takes effect as it would.
    /// </summary>
    /// <param name="state">The state before.</param>
    /// <param name="operation">The operation, with its outcome and result.</param>
    /// <param name="next">The state after.</param>
    public abstract bool Step(TState state, Operation operation, out TState next);

    /// <summary>
    /// Whether the operation can constrain the search. An operation that is legal in every state and changes nothing
    /// (a failed withdrawal, a read that never returned) can be left out without changing the verdict. Default: all matter.
    /// </summary>
    /// <param name="operation">The operation.</param>
    public virtual bool Matters(Operation operation) => true;

    /// <summary>Splits the operations into parts that never constrain each other (P-compositionality), like one part per key. Default: one part.</summary>
    /// <param name="operations">The operations that matter.</param>
    public virtual IReadOnlyList<IReadOnlyList<Operation>> Partition(IReadOnlyList<Operation> operations) => [operations];

    /// <summary>Names a part for a person, like <c>key "7"</c>; null when there is one part.</summary>
    /// <param name="part">The operations of the part.</param>
    public virtual string? DescribePart(IReadOnlyList<Operation> part) => null;

    /// <summary>An operation in words, like <c>process 2 withdrew $60 (paid)</c>.</summary>
    /// <param name="operation">The operation.</param>
    public virtual string Describe(Operation operation) => operation.ToString();

    /// <summary>A state in words, like <c>balance $40</c>.</summary>
    /// <param name="state">The state.</param>
    public virtual string DescribeState(TState state) => Edn.Write(state);

    /// <summary>What the model allows <paramref name="operation"/> to be told in <paramref name="state"/>, like <c>a withdrawal of $60 is refused when the balance is $40</c>.</summary>
    /// <param name="state">The state.</param>
    /// <param name="operation">The operation.</param>
    public abstract string Allowed(TState state, Operation operation);

    /// <inheritdoc />
    public override LinearizabilityResult Check(History history, CheckOptions? options = null) => Linearizability.Check(this, history, options);
}
