namespace Course.Grading;

/// <summary>One row of a batch: a submission's folder name, how it ended and the grading behind it.</summary>
/// <param name="Student">The submission's folder name, which names the student or team.</param>
/// <param name="Status">Pass, fail, error or timeout.</param>
/// <param name="Report">The full grading, exactly as a single <c>course grade</c> would report it.</param>
/// <param name="Elapsed">How long the submission took, build included.</param>
public sealed record SubmissionGrade(string Student, SubmissionStatus Status, GradeReport Report, TimeSpan Elapsed)
{
    /// <summary>Points earned over every graded test; zero when nothing could be graded.</summary>
    public int Points => Report.Earned;

    /// <summary>
    /// The first thing that went wrong, on one line for a spreadsheet cell: why nothing could be graded, or
    /// the first failing test's name and message; empty when every test passed.
    /// </summary>
    public string FirstFailure
    {
        get
        {
            if (Report.Status == TestStatus.Error)
            {
                return OneLine(Report.Message ?? "nothing could be graded");
            }

            var first = Report.Outcomes.FirstOrDefault(o => o.Status != TestStatus.Pass);
            return first is null ? "" : OneLine($"{first.Test.Name}: {first.Message}");
        }
    }

    /// <summary>The longest first-failure text kept, in characters.</summary>
    public const int MaxFailureLength = 300;

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= MaxFailureLength ? flat : flat[..(MaxFailureLength - 4)] + " ...";
    }
}
