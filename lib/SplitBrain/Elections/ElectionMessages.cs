namespace SplitBrain;

/// <summary>A candidate asks for a vote in <paramref name="Term"/>.</summary>
/// <param name="Term">The term the candidate wants to lead.</param>
public sealed record RequestVote(Term Term) : Message;

/// <summary>The answer to <see cref="RequestVote"/>.</summary>
/// <param name="Term">The voter's term after reading the request.</param>
/// <param name="Granted">Whether the voter gave its one vote of this term to the candidate.</param>
public sealed record Vote(Term Term, bool Granted) : Message;

/// <summary>A leader's heartbeat: "I lead <paramref name="Term"/>; do not start an election".</summary>
/// <param name="Term">The leader's term.</param>
/// <param name="SentAt">When the leader sent it, on the leader's own clock; echoed back in the ack.</param>
public sealed record Heartbeat(Term Term, TimeSpan SentAt) : Message;

/// <summary>A follower's answer to a <see cref="Heartbeat"/>.</summary>
/// <param name="Term">The follower's term.</param>
/// <param name="SentAt">The heartbeat's own <see cref="Heartbeat.SentAt"/>, so the leader knows how fresh the ack is.</param>
public sealed record HeartbeatAck(Term Term, TimeSpan SentAt) : Message;
