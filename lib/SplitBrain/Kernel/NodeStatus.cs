namespace SplitBrain;

/// <summary>Whether a node is running, frozen by a pause, or crashed.</summary>
public enum NodeStatus
{
    /// <summary>The node handles its messages and timers as they arrive.</summary>
    Up,

    /// <summary>
    /// The node is frozen, as in a long garbage-collection pause: nothing runs, messages wait in its
    /// inbox and timers fire late, all at the moment it resumes.
    /// </summary>
    Paused,

    /// <summary>The node is crashed: messages sent to it are dropped and its volatile state is gone.</summary>
    Down,
}
