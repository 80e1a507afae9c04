namespace Course.Grading.Tests;

/// <summary>
/// A planted submission that does everything a grader fears, one exercise each: exercise 1 prints a million
/// lines, 2 loops forever (and with it exercise 10's task 6, which runs the exercise-2 guard), 5 throws, 6 calls
/// Environment.Exit(0), 9 overflows the stack. The rest are the reference answers. Each bad exercise must fail
/// only its own tests, with a message that says what happened, and the grader must still finish and report.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class CrashingSubmissionTests(SharedWork work) : IDisposable
{
    private readonly string scratch = Course.Scratch("crashing");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>Grades the planted submission and checks every test's fate.</summary>
    [Fact]
    public void EachBadExerciseFailsOnlyItsOwnTests()
    {
        var submission = Submissions.Answers(Path.Combine(scratch, "exercises"), _ => true);
        Submissions.Plant(submission, 1, "public static int Majority(int clusterSize)\n    {",
            "for (int line = 0; line < 1_000_000; line++) { Console.WriteLine($\"debug {line}\"); }");
        Submissions.Plant(submission, 2, "public bool TryAccept(FencingToken token)\n    {",
            "while (token.Value > long.MinValue) { }");
        Submissions.Plant(submission, 5, "public Voter(string name)\n    {",
            "if (name.Length > 0) { throw new InvalidOperationException(\"planted bug\"); }");
        Submissions.Plant(submission, 6, "public JobOutcome Submit(JobSubmission submission)\n    {",
            "Environment.Exit(0);");
        Submissions.Plant(submission, 9, "public void Observe(string node, FencingToken token)\n    {",
            "Observe(node, new FencingToken(token.Value + 1));");

        var report = Grader.Grade(new GradeOptions(Course.Root) { ExercisesFrom = submission, TestTimeout = TimeSpan.FromSeconds(5), SubmissionTimeCap = TimeSpan.FromMinutes(5), WorkDirectory = work.Folder });

        Assert.True(report.Status == TestStatus.Fail, $"status {report.Status}: {report.Message}");
        foreach (var outcome in report.Outcomes)
        {
            string name = outcome.Test.Name;
            string message = outcome.Message ?? "";
            switch (outcome.Test.Exercise)
            {
                case 1:
                    Assert.True(outcome.Status == TestStatus.Fail && message.Contains("more than 10,000 lines", StringComparison.Ordinal), $"{name}: {outcome.Status} {message}");
                    Assert.Contains("debug 0", outcome.Output, StringComparison.Ordinal);
                    Assert.True(outcome.Output.Length <= 500, $"{name} kept {outcome.Output.Length} characters of output");
                    break;
                case 2:
                case 10 when name.Contains("Task6", StringComparison.Ordinal): // runs the exercise-2 guard in the bank-ledger scenario
                    Assert.True(outcome.Status == TestStatus.Fail && message.Contains("timed out after 5 s", StringComparison.Ordinal), $"{name}: {outcome.Status} {message}");
                    break;
                case 5:
                    Assert.True(outcome.Status == TestStatus.Fail && message.Contains("InvalidOperationException: planted bug", StringComparison.Ordinal), $"{name}: {outcome.Status} {message}");
                    break;
                case 6:
                    Assert.True(outcome.Status == TestStatus.Fail && message.Contains("Environment.Exit", StringComparison.Ordinal), $"{name}: {outcome.Status} {message}");
                    break;
                case 9:
                    Assert.True(outcome.Status == TestStatus.Fail && message.Contains("stack overflow", StringComparison.Ordinal), $"{name}: {outcome.Status} {message}");
                    break;
                default:
                    Assert.True(outcome.Status == TestStatus.Pass, $"{name} should pass (its exercise is the reference answer) but: {message}");
                    break;
            }
        }

        var text = Scoreboard.Render(report);
        Assert.Contains("Total:", text, StringComparison.Ordinal);
        Course.CheckShape(GradeJson.ToExercism(report));
    }
}
