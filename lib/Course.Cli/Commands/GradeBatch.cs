using System.Globalization;
using Course.Grading;

namespace Course.Cli;

/// <summary>
/// <c>course grade --submissions DIR --csv FILE</c>: grades every student folder in DIR, each on its own
/// exactly as <c>course grade</c> would, and writes one CSV gradebook row per student to FILE (rewritten after
/// every submission, so an interrupted batch keeps the rows it finished). The course's graded tests are built once
/// per batch; each submission is compiled in process and tested in a fresh, sandboxed work folder. Exit code 0 when the batch ran
/// (whatever the grades), 2 for bad input.
/// </summary>
public static class GradeBatch
{
    /// <summary>Runs the batch and prints one progress line per submission.</summary>
    /// <param name="options">The course, time limits, work folder and exercise, as for a single grade.</param>
    /// <param name="submissions">The folder with one folder per student.</param>
    /// <param name="csv">The gradebook file to write.</param>
    /// <param name="output">Where progress goes.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="UsageException">The submissions folder is missing or empty, or the gradebook cannot be written.</exception>
    public static int Run(GradeOptions options, string submissions, string csv, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<string> folders = [];
        GradeCommand.Checked(() => Grader.Check(Path.GetFullPath(options.Root), options));
        GradeCommand.Checked(() => folders = BatchGrader.Find(submissions));
        var file = Path.GetFullPath(csv);
        if (Directory.Exists(file))
        {
            throw new UsageException($"cannot write the gradebook '{file}': it is a folder; give a file name, like {Path.Combine(file, "grades.csv")}.");
        }

        Write(file, []);
        output.WriteLine($"Grading {folders.Count} submissions from {Path.GetFullPath(submissions)} into {file}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Sandbox.Best.Description}; {options.TestTimeout.TotalSeconds:0.#} s per test, {options.SubmissionTimeCap.TotalSeconds:0.#} s per submission."));
        var rows = new List<SubmissionGrade>();
        var c = CultureInfo.InvariantCulture;
        try
        {
            BatchGrader.Grade(options, submissions, row =>
            {
                rows.Add(row);
                Write(file, rows);
                var points = row.Report.Status == TestStatus.Error ? "no points" : $"{row.Points} / {row.Report.Possible}";
                output.WriteLine(string.Create(c, $"  {row.Student}: {points}, {row.Status.ToString().ToLowerInvariant()} ({row.Elapsed.TotalSeconds:0} s){(row.FirstFailure.Length > 0 ? ": " + Short(row.FirstFailure) : "")}"));
            });
        }
        catch (ArgumentException bad)
        {
            throw new UsageException(bad.Message);
        }

        output.WriteLine(string.Create(c, $"Wrote {rows.Count} rows to {file}: {rows.Count(r => r.Status == SubmissionStatus.Pass)} pass, {rows.Count(r => r.Status == SubmissionStatus.Fail)} fail, {rows.Count(r => r.Status == SubmissionStatus.Timeout)} timeout, {rows.Count(r => r.Status == SubmissionStatus.TimeCap)} timecap, {rows.Count(r => r.Status == SubmissionStatus.Error)} error."));
        return 0;
    }

    private static void Write(string file, IReadOnlyList<SubmissionGrade> rows)
    {
        try
        {
            File.WriteAllText(file, Gradebook.ToCsv(rows));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"cannot write the gradebook '{file}': {e.Message.TrimEnd('.')}.");
        }
    }

    private static string Short(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
