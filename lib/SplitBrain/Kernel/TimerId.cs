namespace SplitBrain;

/// <summary>
/// Identifies one timer that a node set with <see cref="Node.SetTimer"/>, so that the node can cancel it
/// (for example, an election timeout that a heartbeat makes unnecessary).
/// </summary>
/// <param name="Value">A number unique within one simulation, increasing in the order timers were set.</param>
public readonly record struct TimerId(long Value);
