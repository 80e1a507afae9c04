namespace SplitBrain;

/// <summary>A fault and the virtual time it happens at: one line of a fault schedule.</summary>
/// <param name="At">When.</param>
/// <param name="Fault">What goes wrong.</param>
public sealed record ScheduledFault(TimeSpan At, Fault Fault)
{
    /// <summary>Reads like <c>t=1.2s partition {A} | {B,C}</c>.</summary>
    public override string ToString() => $"t={Fault.Seconds(At)} {Fault}";
}
