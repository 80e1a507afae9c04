namespace Course.Grading.Tests;

/// <summary>
/// The vocabulary for planted submissions: folders of answers (the reference solutions or the course's stubs),
/// code planted after an anchor, and the points a grading earned per exercise.
/// </summary>
internal static class Submissions
{
    /// <summary>The course's exercise files, by number.</summary>
    public static IReadOnlyList<ExerciseFile> Exercises { get; } = CourseExercises.Of(Course.Root);

    /// <summary>Copies the reference answer of each exercise <paramref name="answered"/> accepts into <paramref name="to"/>, and the stub of every other.</summary>
    public static string Answers(string to, Func<int, bool> answered)
    {
        Directory.CreateDirectory(to);
        foreach (var exercise in Exercises)
        {
            var from = answered(exercise.Number) ? "solutions" : "exercises";
            File.Copy(Path.Combine(Course.Root, from, exercise.FileName), Path.Combine(to, exercise.FileName), overwrite: true);
        }

        return to;
    }

    /// <summary>The file of exercise <paramref name="number"/> in <paramref name="folder"/>.</summary>
    public static string FileOf(string folder, int number) => Path.Combine(folder, Exercises.Single(e => e.Number == number).FileName);

    /// <summary>Inserts <paramref name="code"/> right after <paramref name="anchor"/> in exercise <paramref name="number"/>'s file, where the anchor must be.</summary>
    public static void Plant(string folder, int number, string anchor, string code)
    {
        var path = FileOf(folder, number);
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(anchor, StringComparison.Ordinal), $"{Path.GetFileName(path)} no longer contains '{anchor}': update the planted submission.");
        File.WriteAllText(path, text.Replace(anchor, anchor + "\n        " + code, StringComparison.Ordinal));
    }

    /// <summary>Points earned per exercise number.</summary>
    public static Dictionary<int, int> ByExercise(GradeReport report) =>
        report.Outcomes.GroupBy(o => o.Test.Exercise).ToDictionary(g => g.Key, g => g.Sum(o => o.Earned));

    /// <summary>Points possible per exercise number.</summary>
    public static Dictionary<int, int> Possible(GradeReport report) =>
        report.Outcomes.GroupBy(o => o.Test.Exercise).ToDictionary(g => g.Key, g => g.Sum(o => o.Test.Points));

    /// <summary>A one-line summary of a grading for a failure message.</summary>
    public static string Describe(SubmissionGrade row) =>
        $"{row.Student}: {row.Points}/{row.Report.Possible} {row.Status}; " + string.Join("; ", row.Report.Outcomes.Where(o => o.Status != TestStatus.Pass).Take(6).Select(o => $"{o.Test.Name}: {o.Message}"));
}
