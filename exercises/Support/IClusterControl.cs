namespace Course.Exercises;

/// <summary>The two actions a failover controller can take (exercise 8).</summary>
public interface IClusterControl
{
    /// <summary>Asks the fencing device to power off <paramref name="node"/> (STONITH: shoot the other node in the head).</summary>
    /// <param name="node">The node to power off.</param>
    /// <returns>What the device reported.</returns>
    FenceOutcome PowerOff(string node);

    /// <summary>Makes <paramref name="node"/> the new primary.</summary>
    /// <param name="node">The replica to promote.</param>
    void Promote(string node);
}
