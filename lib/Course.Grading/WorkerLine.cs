namespace Course.Grading;

/// <summary>
/// One line of the results file the worker writes and the grader reads: the plan (every test, in order),
/// the start of a test, or its end. A test that starts and never ends crashed or hung its process.
/// </summary>
internal sealed record WorkerLine(
    string Kind,
    int Index = -1,
    IReadOnlyList<GradedTest>? Plan = null,
    TestStatus Status = TestStatus.Pass,
    string? Message = null,
    string? Output = null)
{
    public const string PlanKind = "plan";
    public const string StartKind = "start";
    public const string EndKind = "end";
}
