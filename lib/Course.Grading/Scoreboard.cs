using System.Globalization;
using System.Text;

namespace Course.Grading;

/// <summary>
/// The text a learner reads after grading: per exercise the points earned of possible, the first failing
/// test's message and the exercise's hint, then the total.
/// </summary>
public static class Scoreboard
{
    /// <summary>Renders <paramref name="report"/> as the scoreboard.</summary>
    /// <param name="report">The grading's result.</param>
    public static string Render(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Grading {report.Folder}/ (build {report.BuildTime.TotalSeconds:0.0} s, tests {report.TestTime.TotalSeconds:0.0} s)");
        if (report.Status == TestStatus.Error)
        {
            text.AppendLine();
            text.AppendLine(report.Message);
            text.AppendLine();
            text.AppendLine("Total: 0 points (nothing could be graded)");
            return text.ToString();
        }

        text.AppendLine();
        foreach (var exercise in report.ByExercise)
        {
            var first = exercise.First().Test;
            int earned = exercise.Sum(o => o.Earned);
            int possible = exercise.Sum(o => o.Test.Points);
            string mark = earned == possible ? "done" : earned == 0 ? "todo" : "part";
            text.AppendLine(c, $"{exercise.Key,2}. {first.Title,-24} {earned,3} / {possible,-3} {mark}");
            if (exercise.FirstOrDefault(o => o.Status != TestStatus.Pass) is { } failing)
            {
                text.AppendLine(c, $"    first failure: {failing.Test.Name}");
                text.AppendLine(c, $"      {failing.Message}");
                if (!string.IsNullOrEmpty(first.Hint))
                {
                    text.AppendLine(c, $"    hint: {first.Hint}");
                }
            }
        }

        int done = report.ByExercise.Count(g => g.All(o => o.Status == TestStatus.Pass));
        int exercises = report.ByExercise.Count();
        text.AppendLine();
        text.AppendLine(c, $"Progress: [{new string('#', done)}{new string('-', exercises - done)}] {done} of {exercises} exercises complete");
        text.AppendLine(c, $"Total: {report.Earned} / {report.Possible} points ({report.Outcomes.Count(o => o.Status == TestStatus.Pass)} of {report.Outcomes.Count} tests passed)");
        return text.ToString();
    }
}
