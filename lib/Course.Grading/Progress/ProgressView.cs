using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Course.Grading;

/// <summary>
/// The path with your progress on it: each lesson, its exercises with the points of your last
/// <c>course grade</c>, the total, and the one next step. <c>course</c> shows it; so does the end of <c>course grade</c>.
/// </summary>
public static partial class ProgressView
{
    /// <summary>Every exercise found under <c>exercises/</c>, with its recorded points.</summary>
    /// <param name="root">The course folder.</param>
    public static IReadOnlyList<ExerciseProgress> Exercises(string root)
    {
        var recorded = ProgressFile.Read(root);
        var list = new List<ExerciseProgress>();
        var folder = Path.Combine(root, "exercises");
        if (!Directory.Exists(folder))
        {
            return list;
        }

        foreach (var file in Directory.GetFiles(folder, "Exercise*.cs").Order(StringComparer.Ordinal))
        {
            var match = ExerciseFile().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                continue;
            }

            int number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (recorded.TryGetValue(number, out var entry))
            {
                list.Add(new ExerciseProgress(number, entry.Title, Path.GetFileName(file), entry.Earned, entry.Possible));
            }
            else
            {
                list.Add(new ExerciseProgress(number, Words(match.Groups["name"].Value), Path.GetFileName(file), null, null));
            }
        }

        return list;
    }

    /// <summary>Writes the path, the total and the next step.</summary>
    /// <param name="root">The course folder.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="headingOf">Reads a lesson notebook's first heading, such as "Lesson 2: Quorums and the 2-2 partition";
    /// null when it cannot. Null: every lesson goes by the path's own title.</param>
    public static void Show(string root, TextWriter output, Func<string, string?>? headingOf = null)
    {
        var exercises = Exercises(root).ToDictionary(e => e.Number);
        output.WriteLine("Your path:");
        string? next = null;
        string? firstLesson = null;
        var shown = new HashSet<int>();
        foreach (var stop in CoursePath.Stops)
        {
            var notebook = Path.Combine(root, "notebooks", stop.Notebook + ".ipynb");
            if (!File.Exists(notebook))
            {
                continue;
            }

            string title = (headingOf?.Invoke(notebook) is { } heading ? LessonPrefix().Replace(heading, "") : null) ?? stop.Title;
            firstLesson ??= $"lesson {stop.Number} ({title}): open notebooks/{stop.Notebook}.ipynb, run it from the top, then `course grade`";
            output.WriteLine($"  lesson {stop.Number}  {title}");
            foreach (int number in stop.Exercises.Where(exercises.ContainsKey))
            {
                var exercise = exercises[number];
                shown.Add(number);
                output.WriteLine(Row(exercise));
                next ??= exercise.Done ? null : $"lesson {stop.Number} ({title}), then exercise {number} in exercises/{exercise.File}";
            }
        }

        var others = exercises.Values.Where(e => !shown.Contains(e.Number)).OrderBy(e => e.Number).ToList();
        if (others.Count > 0)
        {
            output.WriteLine("  more exercises");
            foreach (var exercise in others)
            {
                output.WriteLine(Row(exercise));
                next ??= exercise.Done ? null : $"exercise {exercise.Number} in exercises/{exercise.File}";
            }
        }

        var graded = exercises.Values.Where(e => e.Possible is not null).ToList();
        output.WriteLine();
        if (graded.Count == 0)
        {
            output.WriteLine("Points: none yet. `course grade` grades your exercises and keeps your points here.");
        }
        else
        {
            string scope = graded.Count < exercises.Count ? $" on the {graded.Count} of {exercises.Count} exercises graded so far" : "";
            output.WriteLine($"Points: {graded.Sum(e => e.Earned ?? 0)} / {graded.Sum(e => e.Possible ?? 0)}{scope}, from your last `course grade`"
                + (ChangedSinceGrading(root) ? " (you have changed exercises since: grade again)." : "."));
        }

        if (graded.Count == 0 && firstLesson is not null)
        {
            // Nothing graded yet: the path starts at the first lesson, not at the first exercise.
            next = firstLesson;
        }

        output.WriteLine(next is null
            ? "Next: every exercise is complete. Chaos-test your own fencing (lesson 08), or try the real-systems lab (lesson 07)."
            : $"Next: {next}.");
    }

    private static string Row(ExerciseProgress exercise) =>
        $"      exercise {exercise.Number,2}  {exercise.Title,-28} {Points(exercise),9}  {Status(exercise)}";

    [GeneratedRegex(@"^Lesson \d+:\s*")]
    private static partial Regex LessonPrefix();

    private static string Points(ExerciseProgress exercise) =>
        exercise.Possible is { } possible ? $"{exercise.Earned} / {possible}" : "- / -";

    private static string Status(ExerciseProgress exercise) => exercise switch
    {
        { Possible: null } => "not graded yet",
        { Done: true } => "done",
        { Earned: 0 } => "todo",
        _ => "partly done",
    };

    private static bool ChangedSinceGrading(string root)
    {
        var progress = ProgressFile.PathIn(root);
        var folder = Path.Combine(root, "exercises");
        if (!File.Exists(progress) || !Directory.Exists(folder))
        {
            return false;
        }

        var graded = File.GetLastWriteTimeUtc(progress);
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any(f => File.GetLastWriteTimeUtc(f) > graded);
    }

    // "FencingGuard" becomes "Fencing guard".
    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    [GeneratedRegex(@"^Exercise(?<number>\d+)_(?<name>\w+)\.cs$")]
    private static partial Regex ExerciseFile();
}
