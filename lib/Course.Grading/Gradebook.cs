using System.Globalization;
using System.Text;

namespace Course.Grading;

/// <summary>
/// A batch's grades as one CSV gradebook (RFC 4180, UTF-8, a header row):
/// <c>student,points,max_points,status,ex01,…,ex10,first_failure</c>, one row per submission.
/// </summary>
/// <remarks>
/// <c>max_points</c> and the exercise columns are the same in every row: they come from the graded tests,
/// so a submission that could not be graded still shows what it could have earned (and 0 in each exercise).
/// A cell that a spreadsheet would read as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c> or
/// <c>@</c>) is prefixed with an apostrophe, because folder names and failure messages come from students.
/// </remarks>
public static class Gradebook
{
    /// <summary>The columns before the exercise columns.</summary>
    public static readonly IReadOnlyList<string> LeadingColumns = ["student", "points", "max_points", "status"];

    /// <summary>The last column: the first failure, on one line.</summary>
    public const string FailureColumn = "first_failure";

    /// <summary>The gradebook of <paramref name="rows"/> as CSV text.</summary>
    /// <param name="rows">The batch's rows, in the order to print them.</param>
    public static string ToCsv(IReadOnlyList<SubmissionGrade> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var graded = rows.Where(r => r.Report.Status != TestStatus.Error).ToArray();
        var exercises = graded.SelectMany(r => r.Report.Outcomes).Select(o => o.Test.Exercise).Distinct().Order().ToArray();
        var max = graded.Length == 0 ? (int?)null : graded.Max(r => r.Report.Possible);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var header = LeadingColumns.Concat(exercises.Select(Column)).Append(FailureColumn);
        text.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in rows)
        {
            var cells = new List<string>
            {
                Cell(row.Student),
                row.Points.ToString(c),
                max?.ToString(c) ?? "",
                row.Status.ToString().ToLowerInvariant(),
            };
            foreach (var exercise in exercises)
            {
                cells.Add(row.Report.Outcomes.Where(o => o.Test.Exercise == exercise).Sum(o => o.Earned).ToString(c));
            }

            cells.Add(Cell(row.FirstFailure));
            text.Append(string.Join(',', cells)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>The column name of exercise <paramref name="exercise"/>: <c>ex02</c>.</summary>
    /// <param name="exercise">The exercise number.</param>
    public static string Column(int exercise) => "ex" + exercise.ToString("00", CultureInfo.InvariantCulture);

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
