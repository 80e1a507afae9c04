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
