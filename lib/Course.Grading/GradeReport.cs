namespace Course.Grading;

/// <summary>The result of one grading: every graded test's outcome, or why none could run.</summary>
/// <param name="Folder">What was graded: <c>exercises</c> or <c>solutions</c>.</param>
/// <param name="Status">Pass (every test passed), fail (some did not) or error (no test could run).</param>
/// <param name="Message">Why no test could run (the build's errors); null otherwise.</param>
/// <param name="Outcomes">Each test's outcome, ordered by exercise and task.</param>
/// <param name="BuildTime">How long the build took.</param>
/// <param name="TestTime">How long the tests took, restarts included.</param>
public sealed record GradeReport(
    string Folder,
    TestStatus Status,
    string? Message,
    IReadOnlyList<TestOutcome> Outcomes,
    TimeSpan BuildTime,
    TimeSpan TestTime)
{
    /// <summary>Points earned over every test.</summary>
    public int Earned => Outcomes.Sum(o => o.Earned);

    /// <summary>Points possible over every test.</summary>
    public int Possible => Outcomes.Sum(o => o.Test.Points);

    /// <summary>The outcomes grouped by exercise, in exercise order.</summary>
    public IEnumerable<IGrouping<int, TestOutcome>> ByExercise =>
        Outcomes.GroupBy(o => o.Test.Exercise).OrderBy(g => g.Key);
}
