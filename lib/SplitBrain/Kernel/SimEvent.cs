namespace SplitBrain;

/// <summary>The kinds of entry in the event queue.</summary>
internal enum EventKind : byte
{
    Start,
    Deliver,
    Timer,
    Resume,
    Action,
    Fault,
}

/// <summary>
/// One entry of the event queue. A struct, so that queueing an event allocates nothing:
/// the only allocation a message costs is the message record itself.
/// </summary>
internal readonly struct SimEvent(EventKind kind, int node, int from, int incarnation, long timerId, object? payload)
{
    public readonly EventKind Kind = kind;
    public readonly int Node = node;
    public readonly int From = from;
    public readonly int Incarnation = incarnation;
    public readonly long TimerId = timerId;
    public readonly object? Payload = payload;
}

/// <summary>
/// When an event happens: first by virtual time, then by the order it was scheduled in.
/// The sequence number breaks every tie, which is what makes the run order total and replayable.
/// </summary>
internal readonly struct EventOrder(long time, long sequence) : IComparable<EventOrder>
{
    public readonly long Time = time;
    public readonly long Sequence = sequence;

    public int CompareTo(EventOrder other)
    {
        int byTime = Time.CompareTo(other.Time);
        return byTime != 0 ? byTime : Sequence.CompareTo(other.Sequence);
    }
}
