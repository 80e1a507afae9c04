namespace Course.Exercises;

/// <summary>What a fencing device (a power switch, a cloud API) reported after a power-off request (exercise 8).</summary>
public enum FenceOutcome
{
    /// <summary>The device confirmed the node is off: it can no longer write anything.</summary>
    Confirmed,

    /// <summary>The device refused or reported an error: the node may still be running.</summary>
    Failed,

    /// <summary>No answer in time: nobody knows whether the node is off.</summary>
    TimedOut,
}
