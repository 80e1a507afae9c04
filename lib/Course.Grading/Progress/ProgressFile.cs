using System.Text.Json;

namespace Course.Grading;

/// <summary>
/// Your points as <c>course grade</c> last found them, kept in <c>.course/progress.json</c> at the course's
/// root (git ignores it), so that <c>course</c> can show them at once without building anything.
/// </summary>
public static class ProgressFile
{
    /// <summary>The file's path under <paramref name="root"/>.</summary>
    /// <param name="root">The course folder.</param>
    public static string PathIn(string root) => System.IO.Path.Combine(root, ".course", "progress.json");

    /// <summary>
    /// Records the points of <paramref name="report"/>, a grading of <c>exercises/</c>. Exercises it did not
    /// grade (with <c>--exercise N</c>) keep the points they had.
    /// </summary>
    /// <param name="root">The course folder.</param>
    /// <param name="report">A grading of exercises/ whose tests ran.</param>
    public static void Record(string root, GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = Read(root);
        foreach (var exercise in report.ByExercise)
        {
            var first = exercise.First().Test;
            points[exercise.Key] = new Entry(first.Title, exercise.Sum(o => o.Earned), exercise.Sum(o => o.Test.Points));
        }

        var path = PathIn(root);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var ordered = points.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value);
        File.WriteAllText(path, JsonSerializer.Serialize(ordered, Options));
    }

    /// <summary>The recorded points by exercise number; empty when nothing was graded yet or the file is unreadable.</summary>
    /// <param name="root">The course folder.</param>
    public static Dictionary<int, Entry> Read(string root)
    {
        var path = PathIn(root);
        var points = new Dictionary<int, Entry>();
        if (!File.Exists(path))
        {
            return points;
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(path), Options) ?? [];
            foreach (var (key, entry) in stored)
            {
                if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) && entry.Possible > 0)
                {
                    points[number] = entry;
                }
            }
        }
        catch (JsonException)
        {
            // A damaged file is as good as none: the next grade writes it again.
        }

        return points;
    }

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>One exercise's recorded points.</summary>
    /// <param name="Title">The exercise's title.</param>
    /// <param name="Earned">Points earned.</param>
    /// <param name="Possible">Points possible.</param>
    public sealed record Entry(string Title, int Earned, int Possible);
}
