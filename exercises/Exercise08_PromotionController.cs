namespace Course.Exercises;

/// <summary>
/// <para><b>Exercise 8: promote only after STONITH.</b> Lesson: STONITH, detection and reconciliation.</para>
/// <para><b>Task.</b> The failover controller: the primary stopped answering and a replica should take over. The
/// old primary may only be cut off, not dead; promoting while it still runs makes two primaries.</para>
/// <para><b>Rules from the lesson.</b> Power the old primary off first (<see cref="IClusterControl.PowerOff"/>) and
/// promote the candidate only after the fencing device <i>confirms</i> it is off. A failure or a timeout confirms
/// nothing: try again, up to the allowed number of attempts, and if none is confirmed do not promote at all
/// (unavailable is better than split brain). Say why in the result. Empty names, the same name for both, or fewer
/// than 1 attempt are mistakes: throw <see cref="ArgumentException"/> (or its out-of-range kind) naming the parameter.</para>
/// <para><b>Hint.</b> A for loop over the attempts, and <see cref="IClusterControl.Promote"/> in exactly one place.</para>
/// </summary>
public sealed class PromotionController
{
    /// <summary>Makes a controller acting through <paramref name="control"/>.</summary>
    /// <param name="control">The fencing device and the promotion command.</param>
    /// <param name="maxAttempts">How many power-off requests to try before giving up; 1 or more.</param>
    public PromotionController(IClusterControl control, int maxAttempts = 3) => throw new NotImplementedException();

    /// <summary>Fences <paramref name="oldPrimary"/>, then promotes <paramref name="candidate"/> if the fence was confirmed.</summary>
    /// <param name="oldPrimary">The primary that stopped answering.</param>
    /// <param name="candidate">The replica to promote; not the old primary.</param>
    /// <returns>Whether the candidate was promoted, and why.</returns>
    public PromotionResult Promote(string oldPrimary, string candidate) => throw new NotImplementedException();
}
