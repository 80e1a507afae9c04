using System.Globalization;

namespace Course.Grading;

/// <summary>
/// The exercises a course has, read from one place: the files <c>exercises/ExerciseNN_Name.cs</c>. The grader
/// validates <c>--exercise N</c> against them before any work, and takes from a submission exactly these files
/// (by name) and nothing else: Support/, project files and tests always come from the course.
/// </summary>
public static class CourseExercises
{
    /// <summary>The exercise files of the course at <paramref name="root"/>, in number order.</summary>
    /// <param name="root">The course repository (the folder with exercises/).</param>
    /// <returns>Each exercise's number and file name, like (2, <c>Exercise02_FencingGuard.cs</c>).</returns>
    public static IReadOnlyList<ExerciseFile> Of(string root)
    {
        var folder = Path.Combine(root, "exercises");
        var found = new List<ExerciseFile>();
        if (!Directory.Exists(folder))
        {
            return found;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "Exercise*.cs"))
        {
            if (Parse(Path.GetFileName(path)) is { } file)
            {
                found.Add(file);
            }
        }

        found.Sort((a, b) => a.Number.CompareTo(b.Number));
        return found;
    }

    /// <summary>The exercise a file name belongs to (<c>Exercise02_FencingGuard.cs</c> is exercise 2), or null if it is no exercise file.</summary>
    /// <param name="fileName">A file name without folders.</param>
    public static ExerciseFile? Parse(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        const string Prefix = "Exercise";
        if (!fileName.StartsWith(Prefix, StringComparison.Ordinal) || !fileName.EndsWith(".cs", StringComparison.Ordinal))
        {
            return null;
        }

        int end = Prefix.Length;
        while (end < fileName.Length && char.IsAsciiDigit(fileName[end]))
        {
            end++;
        }

        if (end == Prefix.Length || end >= fileName.Length || fileName[end] != '_'
            || !int.TryParse(fileName.AsSpan(Prefix.Length, end - Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            || number < 1)
        {
            return null;
        }

        return new ExerciseFile(number, fileName);
    }

    /// <summary>The numbers of <paramref name="exercises"/> as a person reads them: <c>1–10</c>, or <c>1–3, 5</c>.</summary>
    /// <param name="exercises">The exercises, in number order.</param>
    public static string Describe(IReadOnlyList<ExerciseFile> exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        var parts = new List<string>();
        int i = 0;
        while (i < exercises.Count)
        {
            int j = i;
            while (j + 1 < exercises.Count && exercises[j + 1].Number == exercises[j].Number + 1)
            {
                j++;
            }

            parts.Add(j > i + 1
                ? string.Create(CultureInfo.InvariantCulture, $"{exercises[i].Number}–{exercises[j].Number}")
                : string.Join(", ", exercises.Skip(i).Take(j - i + 1).Select(e => e.Number.ToString(CultureInfo.InvariantCulture))));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
