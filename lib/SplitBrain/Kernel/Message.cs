namespace SplitBrain;

/// <summary>
/// The base of every message a node sends. Messages are small immutable records, for example
/// <c>public sealed record Heartbeat(long Term) : Message;</c>. Because they are immutable, one instance
/// may be sent many times, and a duplicated message cannot be changed on the way.
/// </summary>
public abstract record Message;
