namespace SplitBrain;

/// <summary>What one call of <see cref="Simulation.Run"/> did.</summary>
/// <param name="Reason">Why the run loop stopped.</param>
/// <param name="Steps">How many events this call handled (deliveries, timers, faults, drops).</param>
/// <param name="EndTime">The virtual time when the call returned.</param>
public readonly record struct RunResult(StopReason Reason, long Steps, TimeSpan EndTime);
