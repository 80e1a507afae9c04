using System.CommandLine;
using System.Globalization;
using Course.Grading;

namespace Course.Cli;

/// <summary>
/// <c>course grade [--solutions] [--exercise N] [--json FILE] [--classroom FILE] [--watch] [--timeout S] [--cap S] [--root DIR] [--work DIR]</c>:
/// compiles the exercises, runs the graded tests in worker processes and prints a scoreboard. Everything asked
/// for (the course, the exercise, the output files) is checked before any work. With
/// <c>--submissions DIR --csv FILE</c> it grades a folder of student submissions into a gradebook (<see cref="GradeBatch"/>). Exit code 0 when grading
/// ran (whatever the points), 1 when nothing could be graded (the code does not build), 2 for bad input.
/// </summary>
public static class GradeCommand
{
    /// <summary>Builds the <c>grade</c> verb.</summary>
    public static Command Create()
    {
        var solutions = new Option<bool>("--solutions") { Description = "Grade solutions/ (the reference answers) instead of exercises/." };
        var exercise = new Option<int?>("--exercise") { Description = "Grade only exercise N." };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON (Exercism's test-runner shape plus points) to FILE." };
        var classroom = new Option<string?>("--classroom") { Description = "Also write the result for GitHub Classroom's reporter to FILE." };
        var watch = new Option<bool>("--watch") { Description = "Grade again every time a file in the graded folder is saved; Ctrl+C stops." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one test may run before it fails as timed out.", DefaultValueFactory = _ => 10 };
        var cap = new Option<double>("--cap") { Description = "Seconds all of one submission's tests may take together; the tests left fail as not run.", DefaultValueFactory = _ => 60 };
        var root = new Option<string?>("--root") { Description = "The course folder; by default the nearest folder above the current one that has the graded tests." };
        var work = new Option<string?>("--work") { Description = "Where to build, outside the course; by default a folder under the system temp folder, kept so the next grade is quick." };
        var submissions = new Option<string?>("--submissions") { Description = "Grade every student folder in DIR (a copy of their repository, or their exercises/), each in isolation; needs --csv." };
        var csv = new Option<string?>("--csv") { Description = "With --submissions: write the gradebook, one CSV row per student, to FILE." };
        var command = new Command("grade", "Build and grade the exercises: points per exercise, the first failure, a hint, the total.")
        {
            solutions, exercise, json, classroom, watch, timeout, cap, root, work, submissions, csv,
        };
        command.SetAction(parsed => Refusing(parsed, () =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var seconds = parsed.GetValue(timeout);
            if (!(seconds > 0 && seconds <= 3600))
            {
                throw new UsageException($"--timeout is the seconds one test may run: more than 0, at most 3600 (got {seconds.ToString(CultureInfo.InvariantCulture)}).");
            }

            var capSeconds = parsed.GetValue(cap);
            if (!(capSeconds >= seconds && capSeconds <= 86_400))
            {
                throw new UsageException($"--cap is the seconds all of one submission's tests may take: at least --timeout ({seconds.ToString(CultureInfo.InvariantCulture)}), at most 86400 (got {capSeconds.ToString(CultureInfo.InvariantCulture)}).");
            }

            if (parsed.GetValue(exercise) is { } n && n < 1)
            {
                throw new UsageException($"--exercise is an exercise number, 1 or more (got {n}).");
            }

            var options = new GradeOptions(FindRoot(parsed.GetValue(root)))
            {
                Solutions = parsed.GetValue(solutions),
                Exercise = parsed.GetValue(exercise),
                TestTimeout = TimeSpan.FromSeconds(seconds),
                SubmissionTimeCap = TimeSpan.FromSeconds(capSeconds),
                WorkDirectory = parsed.GetValue(work),
            };
            if (parsed.GetValue(submissions) is not null || parsed.GetValue(csv) is not null)
            {
                return Batch(parsed.GetValue(submissions), parsed.GetValue(csv), options, parsed.GetValue(json) ?? parsed.GetValue(classroom), parsed.GetValue(watch), output);
            }

            Checked(() => Grader.Check(options.Root, options));
            Commands.CommonOptions.CheckWritable("--json", parsed.GetValue(json));
            Commands.CommonOptions.CheckWritable("--classroom", parsed.GetValue(classroom));
            int code = GradeOnce(options, parsed.GetValue(json), parsed.GetValue(classroom), output);
            return parsed.GetValue(watch) ? Watch(options, parsed.GetValue(json), parsed.GetValue(classroom), output) : code;
        }));
        return command;
    }

    /// <summary>Runs <paramref name="action"/>; a <see cref="UsageException"/> becomes one line on the error writer and exit code 2.</summary>
    internal static int Refusing(ParseResult parsed, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UsageException usage)
        {
            parsed.InvocationConfiguration.Error.WriteLine($"course: {CourseApp.Plain(usage.Message)}");
            return CourseApp.BadInput;
        }
    }

    private static int Batch(string? submissions, string? csv, GradeOptions options, string? json, bool watch, TextWriter output)
    {
        if (submissions is null || csv is null)
        {
            throw new UsageException("batch grading needs both --submissions DIR (one folder per student) and --csv FILE (the gradebook).");
        }

        if (options.Solutions || json is not null || watch)
        {
            throw new UsageException("--submissions grades students' exercises into --csv: it does not combine with --solutions, --json, --classroom or --watch.");
        }

        return GradeBatch.Run(options, submissions, csv, output);
    }

    private static int GradeOnce(GradeOptions options, string? json, string? classroom, TextWriter output)
    {
        GradeReport report;
        try
        {
            report = Grader.Grade(options);
        }
        catch (ArgumentException bad)
        {
            throw new UsageException(bad.Message);
        }

        output.Write(Scoreboard.Render(report));
        if (!options.Solutions && report.Status != TestStatus.Error)
        {
            // Keep the points for `course`, and show where they put you on the path.
            ProgressFile.Record(options.Root, report);
            output.WriteLine();
            ProgressView.Show(options.Root, output, Course.Notebooks.LessonFile.TitleOf);
        }

        if (json is not null)
        {
            WriteOutput("--json", json, GradeJson.ToExercism(report));
        }

        if (classroom is not null)
        {
            WriteOutput("--classroom", classroom, GradeJson.ToClassroom(report));
        }

        return report.Status == TestStatus.Error ? 1 : 0;
    }

    private static int Watch(GradeOptions options, string? json, string? classroom, TextWriter output)
    {
        using var changed = new AutoResetEvent(false);
        using var stop = new ManualResetEventSlim(false);
        using var watcher = new FileSystemWatcher(Path.Combine(options.Root, options.Folder))
        {
            IncludeSubdirectories = true,
            Filter = "*.cs",
            EnableRaisingEvents = true,
        };
        watcher.Changed += (_, _) => changed.Set();
        watcher.Created += (_, _) => changed.Set();
        watcher.Deleted += (_, _) => changed.Set();
        watcher.Renamed += (_, _) => changed.Set();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Set();
        };
        while (true)
        {
            output.WriteLine($"Watching {options.Folder}/ for saved files; Ctrl+C stops.");
            while (!changed.WaitOne(TimeSpan.FromMilliseconds(200)))
            {
                if (stop.IsSet)
                {
                    return 0;
                }
            }

            // Editors save in bursts: wait for a quiet moment, then grade once.
            while (changed.WaitOne(TimeSpan.FromMilliseconds(300)))
            {
            }

            output.WriteLine();
            GradeOnce(options, json, classroom, output);
        }
    }

    /// <summary>Runs <paramref name="check"/>; its <see cref="ArgumentException"/> becomes a <see cref="UsageException"/> with the same one line.</summary>
    internal static void Checked(Action check)
    {
        try
        {
            check();
        }
        catch (ArgumentException bad)
        {
            throw new UsageException(bad.Message);
        }
    }

    private static void WriteOutput(string option, string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{option}: the grading finished but '{Path.GetFullPath(path)}' could not be written: {e.Message.TrimEnd('.')}.");
        }
    }

    private static string FindRoot(string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "Exercises.Tests", "Exercises.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new UsageException("no course folder here: run inside the course (it has tests/Exercises.Tests/) or pass --root DIR.");
    }
}
