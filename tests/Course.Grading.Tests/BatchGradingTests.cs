namespace Course.Grading.Tests;

/// <summary>
/// Batch grading: a folder of three planted submissions graded into one CSV gradebook. alice-full is a
/// student copy's exercises/ holding the reference answers; bob-partial is only exercise files at the top of
/// the folder, the answers to exercises 1–5 (the rest fall back to the stubs and earn nothing, exercise 10 too,
/// whose tests check the learner's own guard before they use it); carol-hangs is the reference
/// answers with an endless loop in exercise 9. The batch must finish, give each the exact points and never
/// write into a submission (HostileSubmissionTests plants worse).
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class BatchGradingTests(SharedWork work) : IDisposable
{
    /// <summary>Points per exercise of the reference answers, exercises 1 to 11.</summary>
    private static readonly int[] FullMarks = [10, 8, 10, 10, 9, 6, 6, 8, 6, 15, 10];

    private readonly string scratch = Course.Scratch("batch");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>Three submissions, one gradebook: exact points, statuses and first failures per row.</summary>
    [Fact]
    public void ThreeSubmissions_OneCorrectGradebook()
    {
        var submissions = Path.Combine(scratch, "submissions");
        var alice = Path.Combine(submissions, "alice-full", "exercises");
        Directory.CreateDirectory(alice);
        File.WriteAllText(Path.Combine(submissions, "alice-full", "README.md"), "alice's copy");
        CopyAnswers(alice, _ => true);

        var bob = Path.Combine(submissions, "bob-partial");
        Directory.CreateDirectory(bob);
        CopyAnswers(bob, n => n <= 5);

        var carol = Path.Combine(submissions, "carol-hangs", "exercises");
        Directory.CreateDirectory(carol);
        CopyAnswers(carol, _ => true);
        PlantAfter(Path.Combine(carol, "Exercise09_SplitBrainDetector.cs"), "public void Observe(string node, FencingToken token)\n    {", "\n        while (token.Value > long.MinValue) { }");
        Directory.CreateDirectory(Path.Combine(submissions, ".hidden"));
        var before = Listing(submissions);

        var csv = Path.Combine(scratch, "grades.csv");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, error) = Course.Run("grade", "--submissions", submissions, "--csv", csv, "--root", Course.Root, "--work", work.Folder, "--timeout", "5");
        watch.Stop();
        Assert.True(code == 0, $"course grade --submissions exited {code}: {error}\n{output}");
        Assert.Equal(before, Listing(submissions));

        var lines = File.ReadAllText(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines[0] == "student,points,max_points,status,ex01,ex02,ex03,ex04,ex05,ex06,ex07,ex08,ex09,ex10,ex11,first_failure", $"header {lines[0]}; output:\n{output}");
        Assert.Equal(4, lines.Length);
        var rows = lines.Skip(1).Select(Cells).ToDictionary(r => r[0]);
        Assert.Equal(["alice-full", "bob-partial", "carol-hangs"], lines.Skip(1).Select(l => Cells(l)[0]));

        int max = FullMarks.Sum();
        Check(rows["alice-full"], max, "pass", FullMarks);
        Assert.Equal("", rows["alice-full"][^1]);

        // Exercises 6 to 11 are stubs: no points, exercise 10 included.
        Check(rows["bob-partial"], FullMarks.Take(5).Sum(), "fail", [.. FullMarks.Take(5), .. new int[FullMarks.Length - 5]]);
        Assert.StartsWith("Exercise06_JobWorker.", rows["bob-partial"][^1], StringComparison.Ordinal);
        Assert.Contains("NotImplementedException", rows["bob-partial"][^1], StringComparison.Ordinal);

        var carolMarks = FullMarks.ToArray();
        carolMarks[8] = 0;
        Check(rows["carol-hangs"], max - FullMarks[8], "timeout", carolMarks);
        Assert.StartsWith("Exercise09_SplitBrainDetector.", rows["carol-hangs"][^1], StringComparison.Ordinal);
        Assert.Contains("timed out after 5 s", rows["carol-hangs"][^1], StringComparison.Ordinal);

        Assert.Contains("Wrote 3 rows", output, StringComparison.Ordinal);
        Assert.Contains("carol-hangs: 92 / 98, timeout", output, StringComparison.Ordinal);
        Console.WriteLine($"batch of 4 graded in {watch.Elapsed.TotalSeconds:0} s"); // a figure, not a check
    }

    private static void Check(string[] row, int points, string status, int[] perExercise)
    {
        Assert.True(row.Length == FullMarks.Length + 5, $"{row[0]} has {row.Length} cells: {string.Join(" | ", row)}");
        Assert.True(points.ToString(System.Globalization.CultureInfo.InvariantCulture) == row[1], $"{row[0]}: {row[1]} points, expected {points}; first failure: {row[^1]}");
        Assert.Equal(FullMarks.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
        Assert.True(status == row[3], $"{row[0]}: status {row[3]}, expected {status}; first failure: {row[^1]}");
        Assert.Equal(perExercise.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)), row[4..(4 + FullMarks.Length)]);
    }

    /// <summary>Inserts <paramref name="code"/> into an answer right after <paramref name="anchor"/>, which must be there.</summary>
    private static void PlantAfter(string file, string anchor, string code)
    {
        var text = File.ReadAllText(file);
        Assert.True(text.Contains(anchor, StringComparison.Ordinal), $"{Path.GetFileName(file)} no longer contains '{anchor}': update the planted submission.");
        File.WriteAllText(file, text.Replace(anchor, anchor + code, StringComparison.Ordinal));
    }

    private static void CopyAnswers(string to, Func<int, bool> which)
    {
        foreach (var answer in Directory.GetFiles(Path.Combine(Course.Root, "solutions"), "Exercise*.cs"))
        {
            var name = Path.GetFileName(answer);
            if (which(int.Parse(name.AsSpan(8, 2), System.Globalization.CultureInfo.InvariantCulture)))
            {
                File.Copy(answer, Path.Combine(to, name));
            }
        }
    }

    private static string[] Listing(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p) + ":" + (File.Exists(p) ? File.ReadAllText(p).GetHashCode(StringComparison.Ordinal) : 0))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Splits one CSV line (RFC 4180 quoting, no line breaks inside cells).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}

/// <summary>Batch grading refuses bad input with one line and exit code 2, before building anything.</summary>
public sealed class BatchInputTests : IDisposable
{
    private readonly string scratch = Course.Scratch("batch-input");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>A missing folder, an empty folder, an unwritable gradebook, a half-given or mixed command line.</summary>
    [Fact]
    public void BadInput_OneLineAndExitTwo()
    {
        var csv = Path.Combine(scratch, "grades.csv");
        var empty = Path.Combine(scratch, "empty");
        Directory.CreateDirectory(empty);
        var one = Path.Combine(scratch, "one");
        Directory.CreateDirectory(Path.Combine(one, "alice", "exercises"));

        Refused(["--submissions", Path.Combine(scratch, "missing"), "--csv", csv], "does not exist");
        Refused(["--submissions", empty, "--csv", csv], "is empty");
        Refused(["--submissions", one, "--csv", Path.Combine(scratch, "no-such-folder", "grades.csv")], "cannot write the gradebook");
        Refused(["--submissions", one, "--csv", scratch], "cannot write the gradebook");
        Refused(["--submissions", one], "needs both --submissions");
        Refused(["--csv", csv], "needs both --submissions");
        Refused(["--submissions", one, "--csv", csv, "--solutions"], "does not combine");
        Assert.False(File.Exists(csv), "a refused batch wrote a gradebook");
    }

    /// <summary>The gradebook quotes commas and quotes, defuses formulas, and keeps max points on an error row.</summary>
    [Fact]
    public void Gradebook_QuotesAndDefuses()
    {
        var test = new GradedTest("Exercise02_FencingGuard.Task1_X", 2, "Fencing guard", "hint", 2);
        var fail = new GradeReport("exercises", TestStatus.Fail, null, [new TestOutcome(test, TestStatus.Fail, "said \"no\",\nthen stopped", "")], TimeSpan.Zero, TimeSpan.Zero);
        var error = new GradeReport("exercises", TestStatus.Error, "does not build", [], TimeSpan.Zero, TimeSpan.Zero);
        var csv = Gradebook.ToCsv([new SubmissionGrade("=cmd", SubmissionStatus.Fail, fail, TimeSpan.Zero), new SubmissionGrade("dan", SubmissionStatus.Error, error, TimeSpan.Zero)]);
        var lines = csv.Split("\r\n");
        Assert.Equal("student,points,max_points,status,ex02,first_failure", lines[0]);
        Assert.Equal("'=cmd,0,2,fail,0,\"Exercise02_FencingGuard.Task1_X: said \"\"no\"\", then stopped\"", lines[1]);
        Assert.Equal("dan,0,2,error,0,does not build", lines[2]);
    }

    private void Refused(string[] args, string expected)
    {
        var (code, output, error) = Course.Run(["grade", .. args, "--root", Course.Root, "--work", Path.Combine(scratch, "work")]);
        Assert.True(code == 2, $"grade {string.Join(' ', args)} exited {code}: {error}{output}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}
