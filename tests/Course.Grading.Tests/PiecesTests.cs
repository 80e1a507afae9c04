namespace Course.Grading.Tests;

/// <summary>The grader's pieces on their own: bad input, the scoreboard, the JSON, the solution-file surgery, the output cap.</summary>
public sealed class PiecesTests
{
    private static readonly GradedTest Guard = new("Exercise02_FencingGuard.Task2_RejectsALowerToken", 2, "Fencing guard", "Keep the highest token.", 2);
    private static readonly GradedTest Quorum = new("Exercise01_QuorumMath.Task1_MajorityIsMoreThanHalf", 1, "Quorum math", "n / 2 + 1", 3);

    /// <summary>Bad command lines exit 2 with one line saying what is allowed.</summary>
    [Theory]
    [InlineData("--timeout", "0", "--timeout")]
    [InlineData("--exercise", "0", "--exercise")]
    [InlineData("--root", "/nonexistent-course-folder", "not a course repository")]
    public void Grade_RefusesBadInput(string option, string value, string expected)
    {
        var (code, _, error) = option == "--root" ? Course.Run("grade", option, value) : Course.Run("grade", option, value, "--root", Course.Root);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>A release into a folder that is not empty, or inside the course, is refused.</summary>
    [Fact]
    public void Release_RefusesANonEmptyOrInsideTarget()
    {
        var (code, _, error) = Course.Run("release", Path.Combine(Course.Root, "out", "student"), "--root", Course.Root);
        Assert.Equal(2, code);
        Assert.Contains("outside the course", error, StringComparison.Ordinal);
        var full = Course.Scratch("full");
        File.WriteAllText(Path.Combine(full, "keep.txt"), "mine");
        (code, _, error) = Course.Run("release", full, "--root", Course.Root);
        Directory.Delete(full, recursive: true);
        Assert.Equal(2, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
    }

    /// <summary>The scoreboard shows points per exercise, the first failure, the hint and the total.</summary>
    [Fact]
    public void Scoreboard_ShowsPointsFirstFailureHintAndTotal()
    {
        var report = new GradeReport("exercises", TestStatus.Fail, null,
            [new TestOutcome(Quorum, TestStatus.Pass, null, ""), new TestOutcome(Guard, TestStatus.Fail, "TryAccept(token 33) after token 34 returned true", "")],
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var text = Scoreboard.Render(report);
        Assert.Matches(@" 1\. Quorum math +3 / 3 +done", text);
        Assert.Matches(@" 2\. Fencing guard +0 / 2 +todo", text);
        Assert.Contains("TryAccept(token 33) after token 34 returned true", text, StringComparison.Ordinal);
        Assert.Contains("hint: Keep the highest token.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hint: n / 2 + 1", text, StringComparison.Ordinal);
        Assert.Contains("Total: 3 / 5 points (1 of 2 tests passed)", text, StringComparison.Ordinal);
        Assert.Contains("1 of 2 exercises complete", text, StringComparison.Ordinal);
    }

    /// <summary>The JSON of a report with points, and of one where nothing ran.</summary>
    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var report = new GradeReport("exercises", TestStatus.Fail, null,
            [new TestOutcome(Quorum, TestStatus.Pass, null, "hello"), new TestOutcome(Guard, TestStatus.Fail, "no", "")],
            TimeSpan.Zero, TimeSpan.Zero);
        var json = Course.CheckShape(GradeJson.ToExercism(report));
        Assert.Equal(3, (int)json["points"]!);
        Assert.Equal(5, (int)json["max_points"]!);
        Assert.Equal("hello", (string)json["tests"]![0]!["output"]!);
        Assert.Equal(2, (int)json["tests"]![1]!["task_id"]!);
        var error = Course.CheckShape(GradeJson.ToExercism(new GradeReport("exercises", TestStatus.Error, "does not build", [], TimeSpan.Zero, TimeSpan.Zero)));
        Assert.Equal("error", (string)error["status"]!);
        Assert.Equal("does not build", (string)error["message"]!);
        var classroom = System.Text.Json.Nodes.JsonNode.Parse(GradeJson.ToClassroom(report))!;
        Assert.Equal(5, (int)classroom["max_score"]!);
        Assert.Equal(3, (int)classroom["tests"]![0]!["score"]!);
    }

    /// <summary>Withheld projects leave the .sln with every line that names them.</summary>
    [Fact]
    public void Release_RemovesWithheldProjectsFromTheSolution()
    {
        var dir = Course.Scratch("sln");
        var sln = Path.Combine(dir, "course.sln");
        File.WriteAllLines(sln,
        [
            "Project(\"{FAE0}\") = \"Exercises\", \"exercises\\Exercises.csproj\", \"{AAAA}\"",
            "EndProject",
            "Project(\"{FAE0}\") = \"Solutions\", \"solutions\\Solutions.csproj\", \"{BBBB}\"",
            "EndProject",
            "Global",
            "\t\t{AAAA}.Debug|Any CPU.Build.0 = Debug|Any CPU",
            "\t\t{BBBB}.Debug|Any CPU.Build.0 = Debug|Any CPU",
            "EndGlobal",
        ]);
        ReleaseWriter.RemoveFromSolution(sln);
        var text = File.ReadAllText(sln);
        Directory.Delete(dir, recursive: true);
        Assert.DoesNotContain("BBBB", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Solutions", text, StringComparison.Ordinal);
        Assert.Contains("{AAAA}.Debug", text, StringComparison.Ordinal);
        Assert.Contains("Exercises.csproj", text, StringComparison.Ordinal);
    }

    /// <summary>The output cap keeps 500 characters and counts every line.</summary>
    [Fact]
    public void CappedWriter_KeepsTheStartAndCountsTheRest()
    {
        var writer = new CappedWriter(GradingWorker.KeptOutput);
        for (int i = 0; i < 100_000; i++)
        {
            writer.WriteLine("line");
        }

        Assert.Equal(100_000, writer.Lines);
        Assert.Equal(500_000, writer.Characters);
        Assert.Equal(500, writer.Kept.Length);
    }

    /// <summary>Failures read as sentences for learners.</summary>
    [Fact]
    public void Describe_SaysWhatTheCodeDid()
    {
        Assert.StartsWith("Not implemented yet", GradingWorker.Describe(Thrown(() => throw new NotImplementedException())), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: boom", GradingWorker.Describe(Thrown(() => throw new InvalidOperationException("boom"))), StringComparison.Ordinal);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("nothing was thrown");
    }
}
