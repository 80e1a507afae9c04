using Course.Grading;

namespace Course.Cli.Tests;

/// <summary>
/// <c>course</c> shows the path with your points from the last <c>course grade</c>, and the next step.
/// These tests keep the path true to the folders and check what a learner sees at each stage.
/// </summary>
public sealed class ProgressTests : IDisposable
{
    private static readonly string Course = CourseFolder.Root;
    private readonly string root = Directory.CreateTempSubdirectory("course-progress-").FullName;

    public ProgressTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "exercises"));
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        File.WriteAllText(Path.Combine(root, "exercises", "Exercise01_QuorumMath.cs"), "// stub");
        File.WriteAllText(Path.Combine(root, "exercises", "Exercise02_FencingGuard.cs"), "// stub");
        File.Copy(Path.Combine(Course, "notebooks", "02-quorums-and-the-2-2-partition.ipynb"), Path.Combine(root, "notebooks", "02-quorums-and-the-2-2-partition.ipynb"));
        File.Copy(Path.Combine(Course, "notebooks", "04-fencing-tokens-and-storage-guards.ipynb"), Path.Combine(root, "notebooks", "04-fencing-tokens-and-storage-guards.ipynb"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Every_exercise_is_on_the_path_once_and_every_lesson_is_a_stop()
    {
        var numbers = Directory.GetFiles(Path.Combine(Course, "exercises"), "Exercise*.cs")
            .Select(f => int.Parse(Path.GetFileName(f)[8..10], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(numbers, CoursePath.Stops.SelectMany(s => s.Exercises).Order().ToArray());
        foreach (var notebook in Directory.GetFiles(Path.Combine(Course, "notebooks"), "*.ipynb"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(notebook), CoursePath.Stops.Select(s => s.Notebook));
        }
    }

    [Fact]
    public void Each_exercise_belongs_to_one_lesson_and_the_attribute_the_path_and_the_lesson_agree()
    {
        // The graded tests' [Exercise(n, "title", Lesson = l)] is the truth; the path and each lesson's list follow it.
        var attributes = new SortedDictionary<int, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(Course, "tests", "Exercises.Tests"), "Exercise*.cs"))
        {
            var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), @"\[Exercise\((\d+), ""[^""]*"", Lesson = (\d+)");
            Assert.True(match.Success, $"{Path.GetFileName(file)}: its [Exercise] attribute names no Lesson");
            attributes[Number(match.Groups[1].Value)] = Number(match.Groups[2].Value);
        }

        Assert.Equal(Directory.GetFiles(Path.Combine(Course, "exercises"), "Exercise*.cs").Length, attributes.Count);
        foreach (var (exercise, lesson) in attributes)
        {
            Assert.True(CoursePath.LessonOf(exercise)?.Number == lesson.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                $"exercise {exercise}: its attribute says lesson {lesson}, the course path says {CoursePath.LessonOf(exercise)?.Number ?? "none"}");
        }

        foreach (var stop in CoursePath.Stops)
        {
            var listed = LessonsOwnList(Path.Combine(Course, "notebooks", stop.Notebook + ".ipynb"));
            var expected = attributes.Where(a => a.Value == Number(stop.Number)).Select(a => a.Key).ToArray();
            Assert.True(expected.SequenceEqual(listed),
                $"{stop.Notebook} lists exercises [{string.Join(", ", listed)}] under \"Your exercises\"; the exercises' attributes give it [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public void Before_any_grading_the_path_says_to_grade_and_where_to_start()
    {
        string text = Show();
        Assert.Contains("lesson 02  Quorums and the 2-2 partition", text);
        Assert.Contains("exercise  1  Quorum math", text);
        Assert.Contains("not graded yet", text);
        Assert.Contains("Points: none yet.", text);
        Assert.Contains("Next: lesson 02 (Quorums and the 2-2 partition): open notebooks/02-quorums-and-the-2-2-partition.ipynb, run it from the top, then `course grade`.", text);
        Assert.DoesNotContain("lesson 03", text); // no such notebook in this course folder
    }

    [Fact]
    public void After_grading_it_shows_the_points_and_the_first_unfinished_exercise()
    {
        ProgressFile.Record(root, Report((1, "Quorum math", 10, 10), (2, "Fencing guard", 3, 8)));
        File.SetLastWriteTimeUtc(ProgressFile.PathIn(root), DateTime.UtcNow.AddMinutes(1));
        string text = Show();
        Assert.Contains("10 / 10  done", text);
        Assert.Contains("3 / 8  partly done", text);
        Assert.Contains("Points: 13 / 18, from your last `course grade`.", text);
        Assert.Contains("Next: lesson 04 (Fencing tokens and storage guards), then exercise 2 in exercises/Exercise02_FencingGuard.cs.", text);
    }

    [Fact]
    public void Grading_one_exercise_says_how_many_are_graded_so_far()
    {
        ProgressFile.Record(root, Report((1, "Quorum math", 10, 10)));
        File.SetLastWriteTimeUtc(ProgressFile.PathIn(root), DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("Points: 10 / 10 on the 1 of 2 exercises graded so far, from your last `course grade`.", Show());
    }

    [Fact]
    public void Grading_one_exercise_keeps_the_points_of_the_others()
    {
        ProgressFile.Record(root, Report((1, "Quorum math", 10, 10), (2, "Fencing guard", 0, 8)));
        ProgressFile.Record(root, Report((2, "Fencing guard", 8, 8)));
        var points = ProgressFile.Read(root);
        Assert.Equal(10, points[1].Earned);
        Assert.Equal(8, points[2].Earned);
    }

    [Fact]
    public void With_everything_done_the_next_step_is_the_chaos_lesson()
    {
        ProgressFile.Record(root, Report((1, "Quorum math", 10, 10), (2, "Fencing guard", 8, 8)));
        File.SetLastWriteTimeUtc(ProgressFile.PathIn(root), DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("Next: every exercise is complete.", Show());
    }

    [Fact]
    public void An_exercise_saved_after_the_last_grade_is_noticed()
    {
        ProgressFile.Record(root, Report((1, "Quorum math", 10, 10)));
        File.SetLastWriteTimeUtc(ProgressFile.PathIn(root), DateTime.UtcNow.AddMinutes(-5));
        Assert.Contains("you have changed exercises since: grade again", Show());
    }

    [Fact]
    public void A_damaged_progress_file_counts_as_no_grading()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ProgressFile.PathIn(root))!);
        File.WriteAllText(ProgressFile.PathIn(root), "{ not json");
        Assert.Empty(ProgressFile.Read(root));
        Assert.Contains("Points: none yet.", Show());
    }

    private string Show()
    {
        var output = new StringWriter();
        ProgressView.Show(root, output, global::Course.Notebooks.LessonFile.TitleOf);
        return output.ToString();
    }

    private static GradeReport Report(params (int Exercise, string Title, int Earned, int Possible)[] exercises)
    {
        var outcomes = new List<TestOutcome>();
        foreach (var (exercise, title, earned, possible) in exercises)
        {
            // One passing test worth the earned points, one failing test worth the rest.
            outcomes.Add(new TestOutcome(new GradedTest($"Exercise{exercise:00}.Task1", exercise, title, "", earned), TestStatus.Pass, null, ""));
            if (possible > earned)
            {
                outcomes.Add(new TestOutcome(new GradedTest($"Exercise{exercise:00}.Task2", exercise, title, "", possible - earned), TestStatus.Fail, "no", ""));
            }
        }

        return new GradeReport("exercises", TestStatus.Fail, null, outcomes, TimeSpan.Zero, TimeSpan.Zero);
    }

    private static int Number(string digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The exercises a lesson lists as its own: the bullets <c>- `exercises/ExerciseNN_…`</c> under "## Your exercises".</summary>
    private static int[] LessonsOwnList(string notebook)
    {
        var cells = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray();
        var listed = new List<int>();
        foreach (var cell in cells)
        {
            string text = string.Concat(cell!["source"]!.AsArray().Select(line => (string?)line));
            int at = text.IndexOf("## Your exercises", StringComparison.Ordinal);
            if ((string?)cell["cell_type"] != "markdown" || at < 0)
            {
                continue;
            }

            foreach (var line in text[at..].Split('\n').Skip(1).TakeWhile(l => !l.StartsWith("##", StringComparison.Ordinal)))
            {
                if (line.StartsWith("- `exercises/Exercise", StringComparison.Ordinal))
                {
                    listed.Add(Number(line.Substring("- `exercises/Exercise".Length, 2)));
                }
            }
        }

        return listed.Order().ToArray();
    }
}
