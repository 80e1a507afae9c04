namespace SplitBrain;

/// <summary>One line of a <see cref="Trace"/>: what happened, when, where, and the details.</summary>
/// <param name="Time">The true virtual time of the event.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Node">The node where it happened (the sender of a message, the node that paused).</param>
/// <param name="Peer">The other node involved, if any (the receiver of a message).</param>
/// <param name="Detail">The message, timer or description; its text goes into the canonical form.</param>
public readonly record struct TraceEntry(TimeSpan Time, TraceKind Kind, NodeId? Node, NodeId? Peer, object? Detail)
{
    /// <summary>
    /// The detail of this line as the type the lesson knows it by: the <see cref="WriteDecision"/> of a write,
    /// the <see cref="Lease"/> of a grant, the <see cref="Term"/> of an election, the message of a send.
    /// </summary>
    /// <typeparam name="T">The detail's type.</typeparam>
    /// <exception cref="InvalidOperationException">The detail is not a <typeparamref name="T"/>; the message says what it is.</exception>
    public T DetailAs<T>() => Detail is T detail
        ? detail
        : throw new InvalidOperationException($"The detail of the line '{this}' is {(Detail is null ? "empty" : $"a {Detail.GetType().Name}")}, not a {typeof(T).Name}.");

    /// <summary>
    /// The canonical text of this line, for example <c>1.2500000s Send A->B Heartbeat { Term = 2 }</c>.
    /// Time is printed in whole 100 ns ticks, so the text never depends on floating-point formatting.
    /// </summary>
    public override string ToString()
    {
        string where = (Node, Peer) switch
        {
            ({ } n, { } p) => $"{n.Name}->{p.Name}",
            ({ } n, null) => n.Name,
            (null, { } p) => $"->{p.Name}",
            _ => "-",
        };
        string detail = Detail?.ToString() ?? "";
        return detail.Length == 0
            ? $"{FormatTime(Time)} {Kind} {where}"
            : $"{FormatTime(Time)} {Kind} {where} {detail}";
    }

    /// <summary>Formats a virtual time as seconds with seven decimals, exactly and without rounding.</summary>
    /// <param name="time">The time to format.</param>
    public static string FormatTime(TimeSpan time)
    {
        long ticks = time.Ticks;
        string sign = ticks < 0 ? "-" : "";
        ticks = Math.Abs(ticks);
        return $"{sign}{ticks / TimeSpan.TicksPerSecond}.{ticks % TimeSpan.TicksPerSecond:D7}s";
    }
}
