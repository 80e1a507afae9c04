namespace Course.Grading.Tests;

/// <summary>
/// A planted submission that does everything a grader fears, one exercise each: exercise 1 prints a million
/// lines, 2 loops forever (and with it exercise 10's task 6, which runs the exercise-2 guard), 5 throws, 6 calls Environment.Exit(0), 9 overflows the stack. The rest are the
/// reference answers. Each bad exercise must fail only its own tests, with a message that says what happened,
/// and the grader must still finish and report.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class HostileSubmissionTests(SharedWork work) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly string scratch = Course.Scratch("hostile");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>Grades the planted submission and checks every test's fate.</summary>
    [Fact]
    public void EachBadExerciseFailsOnlyItsOwnTests()
    {
        var submission = Path.Combine(scratch, "course");
        foreach (var folder in new[] { "lib/SplitBrain", "lib/Course.Grading", "exercises", "tests/Exercises.Tests" })
        {
            CopyFolder(Path.Combine(Course.Root, folder), Path.Combine(submission, folder));
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(Course.Root, file), Path.Combine(submission, file));
        }

        foreach (var answer in Directory.GetFiles(Path.Combine(Course.Root, "solutions"), "Exercise*.cs"))
        {
            File.Copy(answer, Path.Combine(submission, "exercises", Path.GetFileName(answer)), overwrite: true);
        }

        Plant(submission, "Exercise01_QuorumMath.cs", "public static int Majority(int clusterSize)\n    {",
            "for (int line = 0; line < 1_000_000; line++) { Console.WriteLine($\"debug {line}\"); }");
        Plant(submission, "Exercise02_FencingGuard.cs", "public bool TryAccept(FencingToken token)\n    {",
            "while (token.Value > long.MinValue) { }");
        Plant(submission, "Exercise05_Voter.cs", "public Voter(string name)\n    {",
            "if (name.Length > 0) { throw new InvalidOperationException(\"planted bug\"); }");
        Plant(submission, "Exercise06_JobWorker.cs", "public JobOutcome Submit(JobSubmission submission)\n    {",
            "Environment.Exit(0);");
        Plant(submission, "Exercise09_SplitBrainDetector.cs", "public void Observe(string node, FencingToken token)\n    {",
            "Observe(node, new FencingToken(token.Value + 1));");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = Grader.Grade(new GradeOptions(submission) { TestTimeout = Timeout, WorkDirectory = work.Folder });
        watch.Stop();

        Assert.True(report.Status == TestStatus.Fail, $"status {report.Status}: {report.Message}");
        Assert.True(report.Outcomes.Count >= 39, $"only {report.Outcomes.Count} tests reported");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"grading took {watch.Elapsed.TotalSeconds:0} s");
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

    private static void Plant(string submission, string file, string anchor, string code)
    {
        var path = Path.Combine(submission, "exercises", file);
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(anchor, StringComparison.Ordinal), $"{file} no longer contains '{anchor}': update the planted submission.");
        File.WriteAllText(path, text.Replace(anchor, anchor + "\n        " + code, StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var copy = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                CopyFolder(dir, Path.Combine(to, name));
            }
        }
    }
}
