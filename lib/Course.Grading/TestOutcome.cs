namespace Course.Grading;

/// <summary>The result of one graded test.</summary>
/// <param name="Test">The test.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it failed, for people; null when it passed.</param>
/// <param name="Output">What the test printed, at most 500 characters; empty if nothing.</param>
public sealed record TestOutcome(GradedTest Test, TestStatus Status, string? Message, string Output)
{
    /// <summary>The points earned: all of the test's points if it passed, none otherwise.</summary>
    public int Earned => Status == TestStatus.Pass ? Test.Points : 0;
}
