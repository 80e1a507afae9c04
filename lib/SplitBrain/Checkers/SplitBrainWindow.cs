using System.Globalization;

namespace SplitBrain;

/// <summary>A stretch of time in which two or more nodes believed they were leader at once.</summary>
/// <param name="From">When the second leader appeared.</param>
/// <param name="Until">When only one (or none) was left.</param>
/// <param name="Leaders">Who believed they led, with their terms, such as <c>A (term 1), C (term 2)</c>.</param>
public sealed record SplitBrainWindow(TimeSpan From, TimeSpan Until, IReadOnlyList<LeadershipInterval> Leaders)
{
    /// <summary>How long the split brain lasted.</summary>
    public TimeSpan Length => Until - From;

    /// <summary>For example <c>2 leaders from 3.000 s to 9.000 s: A (term 1), C (term 2)</c>.</summary>
    public override string ToString() =>
        $"{Leaders.Count} leaders from {Seconds(From)} to {Seconds(Until)}: " +
        string.Join(", ", Leaders.Select(l => $"{l.Node} ({l.Term})"));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
}
