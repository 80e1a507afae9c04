namespace SplitBrain;

/// <summary>What happened at one line of a <see cref="Trace"/>.</summary>
public enum TraceKind
{
    /// <summary>A node handed a message to the network.</summary>
    Send,

    /// <summary>A message reached its destination and the node handled it.</summary>
    Deliver,

    /// <summary>A message was lost: cut by a partition, dropped at random, or sent to a crashed node.</summary>
    Drop,

    /// <summary>The network delivered an extra copy of a message.</summary>
    Duplicate,

    /// <summary>A timer fired and the node handled it.</summary>
    Timer,

    /// <summary>A node froze (a garbage-collection pause, a stalled virtual machine).</summary>
    Pause,

    /// <summary>A paused node carried on, unaware that time had passed.</summary>
    Resume,

    /// <summary>A node crashed and lost its volatile state.</summary>
    Crash,

    /// <summary>A crashed node started again from its durable state.</summary>
    Restart,

    /// <summary>The network was split into groups that cannot reach each other.</summary>
    Partition,

    /// <summary>One direction of one link was cut: the first node can no longer reach the second.</summary>
    Cut,

    /// <summary>Every partition and cut was repaired.</summary>
    Heal,

    /// <summary>A node's clock was stepped or its drift changed.</summary>
    ClockChange,

    /// <summary>A node won an election and became leader for a term.</summary>
    Elected,

    /// <summary>A leader stopped leading, usually on seeing a higher term.</summary>
    SteppedDown,

    /// <summary>A lease service granted a lease and its fencing token.</summary>
    LeaseGranted,

    /// <summary>A lease ran out on the clock of whoever judged it.</summary>
    LeaseExpired,

    /// <summary>A store accepted a write.</summary>
    WriteAccepted,

    /// <summary>A store's guard refused a write, for example one with a stale fencing token.</summary>
    WriteRejected,

    /// <summary>A server told a client its request was done (money paid out, a write confirmed).</summary>
    Acknowledged,

    /// <summary>A worker ran a job.</summary>
    JobRun,

    /// <summary>Anything else worth telling in the story of a run.</summary>
    Note,
}
