// Mistake: after the last failed attempt it promotes anyway, making two primaries if the old one still runs
// Caught by: never promote
namespace Course.Exercises;

/// <summary>A wrong answer to exercise 8, as a learner might write it (see the Mistake line above).</summary>
public sealed class PromotionController
{
    private readonly IClusterControl control;
    private readonly int maxAttempts;

    /// <summary>Makes a controller acting through <paramref name="control"/>.</summary>
    /// <param name="control">The fencing device and the promotion command.</param>
    /// <param name="maxAttempts">How many power-off requests to try before giving up; 1 or more.</param>
    public PromotionController(IClusterControl control, int maxAttempts = 3)
    {
        ArgumentNullException.ThrowIfNull(control);
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "Fencing is tried at least once.");
        }

        this.control = control;
        this.maxAttempts = maxAttempts;
    }

    /// <summary>Fences <paramref name="oldPrimary"/>, then promotes <paramref name="candidate"/> if the fence was confirmed.</summary>
    /// <param name="oldPrimary">The primary that stopped answering.</param>
    /// <param name="candidate">The replica to promote; not the old primary.</param>
    /// <returns>Whether the candidate was promoted, and why.</returns>
    public PromotionResult Promote(string oldPrimary, string candidate)
    {
        ArgumentException.ThrowIfNullOrEmpty(oldPrimary);
        ArgumentException.ThrowIfNullOrEmpty(candidate);
        if (oldPrimary == candidate)
        {
            throw new ArgumentException($"The candidate must be another node than the old primary {oldPrimary}.", nameof(candidate));
        }

        var last = FenceOutcome.Failed;
        for (int attempt = 1; attempt <= maxAttempts; attempt++)
        {
            last = control.PowerOff(oldPrimary);
            if (last == FenceOutcome.Confirmed)
            {
                control.Promote(candidate);
                return new PromotionResult(true, $"old primary {oldPrimary} confirmed off after {attempt} attempt(s); {candidate} promoted");
            }
        }

        control.Promote(candidate);
        return new PromotionResult(true, $"blocked: old primary {oldPrimary} not confirmed off after {maxAttempts} attempt(s) (last: {last}); promoting {candidate} could make two primaries");
    }
}
