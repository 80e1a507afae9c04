namespace SplitBrain;

/// <summary>Why <see cref="Simulation.Run"/> returned.</summary>
public enum StopReason
{
    /// <summary>Nothing was left to happen: no message in flight, no timer set, no fault scheduled. The clock was moved to the limit all the same.</summary>
    QueueEmpty,

    /// <summary>The next event lay beyond the virtual-time limit; the clock was moved to the limit.</summary>
    TimeLimit,

    /// <summary>The step limit was reached: a guard against a protocol that never goes quiet.</summary>
    StepLimit,
}
