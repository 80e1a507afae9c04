namespace SplitBrain;

/// <summary>What a client asks of the replicated register: <c>read</c>, <c>write</c> <see cref="Value"/>, or <c>cas</c> from <see cref="Expected"/> to <see cref="Value"/>.</summary>
/// <param name="Function">read, write or cas.</param>
/// <param name="Value">The value to write (or to swap in); null for a read.</param>
/// <param name="Expected">For a cas: the value the register must hold.</param>
public sealed record RegisterCommand(string Function, long? Value = null, long? Expected = null)
{
    /// <summary>A read.</summary>
    public static RegisterCommand Read() => new("read");

    /// <summary>A write of <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public static RegisterCommand Write(long value) => new("write", value);

    /// <summary>A compare-and-set: <paramref name="to"/> if the register holds <paramref name="from"/>.</summary>
    /// <param name="from">The value it must hold (null: empty).</param>
    /// <param name="to">The value it then holds.</param>
    public static RegisterCommand Cas(long? from, long to) => new("cas", to, from);

    /// <summary>The command's argument as a history writes it: nil, the value, or <c>[from to]</c>.</summary>
    public object? Argument => Function switch
    {
        "write" => Value,
        "cas" => new List<object?> { Expected, Value },
        _ => null,
    };

    /// <summary>Reads like <c>cas 1→4</c>.</summary>
    public override string ToString() => Function switch
    {
        "write" => $"write {Value}",
        "cas" => $"cas {Expected?.ToString() ?? "nil"}→{Value}",
        _ => "read",
    };
}

/// <summary>A client asks a register server to do <paramref name="Command"/>.</summary>
/// <param name="RequestId">Names the request, like <c>client-1/3</c>.</param>
/// <param name="Command">What to do.</param>
public sealed record RegisterRequest(string RequestId, RegisterCommand Command) : Message, IClientRequest;

/// <summary>A register server's answer. Done: the command took effect (a read's <paramref name="Value"/>); not done: it certainly did not.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Done">Whether it took effect (a cas that did not swap is not done, with no <paramref name="Error"/>).</param>
/// <param name="Value">What a read returned.</param>
/// <param name="Error">Why it did not take effect, other than a cas finding another value: <c>fenced</c>.</param>
public sealed record RegisterReply(string RequestId, bool Done, long? Value, string? Error) : Message;

/// <summary>A register server asks the store to do <paramref name="Command"/>, stamped with its term if it fences.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Command">What to do, at the store, in one step.</param>
/// <param name="Token">The server's term as a fencing token; null for an unfenced command.</param>
public sealed record RegisterStoreCommand(string RequestId, RegisterCommand Command, FencingToken? Token) : Message;

/// <summary>The store's answer.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Admitted">False when the guard refused the token.</param>
/// <param name="Done">Whether the command took effect (a cas that found another value did not).</param>
/// <param name="Value">The register's value after the command.</param>
/// <param name="Reason">Why it was refused, or <c>ok</c>.</param>
public sealed record RegisterStoreReply(string RequestId, bool Admitted, bool Done, long? Value, string Reason) : Message;
