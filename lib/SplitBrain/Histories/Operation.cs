namespace SplitBrain;

/// <summary>
/// One operation a client asked for and what it was told: who asked (the process), what (the function,
/// its key and argument), when it was invoked, and how it completed.
/// </summary>
/// <remarks>
/// Values are plain: <c>null</c> (EDN <c>nil</c>), <see cref="long"/>, <see cref="string"/>, <see cref="Keyword"/>,
/// <see cref="bool"/>, or a list of those (a vector, like a compare-and-set's <c>[from to]</c>).
/// <see cref="Invoked"/> and <see cref="Completed"/> are positions in the history's sequence of events: an
/// operation whose completion comes before another's invocation happened before it in real time.
/// </remarks>
public sealed record Operation
{
    /// <summary>The operation's number in its history, from 0 in order of invocation.</summary>
    public required int Id { get; init; }

    /// <summary>The client process that asked. A process does one operation at a time.</summary>
    public required long Process { get; init; }

    /// <summary>What was asked, like <c>read</c>, <c>write</c>, <c>cas</c>, <c>withdraw</c>, <c>get</c>.</summary>
    public required string Function { get; init; }

    /// <summary>The key, for a key-value store; null for a single register or account.</summary>
    public string? Key { get; init; }

    /// <summary>The argument sent with the invocation: the value written, the amount withdrawn, a cas's <c>[from to]</c>; null for a read.</summary>
    public object? Argument { get; init; }

    /// <summary>How it ended.</summary>
    public required OperationOutcome Outcome { get; init; }

    /// <summary>What the completion carried: the value read, the write echoed; null when <see cref="Outcome"/> is <see cref="OperationOutcome.Info"/>.</summary>
    public object? Result { get; init; }

    /// <summary>The error a completion named, like <c>:timed-out</c> or <c>:insufficient-funds</c>; null if none.</summary>
    public object? Error { get; init; }

    /// <summary>The position of its invocation among the history's events.</summary>
    public required long Invoked { get; init; }

    /// <summary>The position of its completion among the history's events; null while it is open (an indeterminate operation is open to the end).</summary>
    public long? Completed { get; init; }

    /// <summary>When it was invoked, in virtual time, if the history says.</summary>
    public TimeSpan? InvokedAt { get; init; }

    /// <summary>When it completed, in virtual time, if the history says.</summary>
    public TimeSpan? CompletedAt { get; init; }

    /// <summary>Reads like <c>process 1: withdraw 60 → ok 60</c>.</summary>
    public override string ToString()
    {
        string what = Key is null ? $"{Function} {Edn.Write(Argument)}" : $"{Function} {Edn.Write(Key)} {Edn.Write(Argument)}";
        string how = Outcome switch
        {
            OperationOutcome.Ok => $"ok {Edn.Write(Result)}",
            OperationOutcome.Fail => $"fail {Edn.Write(Result)}",
            _ => "info (unknown)",
        };
        return $"process {Process}: {what} → {how}";
    }
}
