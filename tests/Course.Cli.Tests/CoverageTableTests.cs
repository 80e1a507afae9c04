using System.Text.Json;
using System.Text.RegularExpressions;

namespace Course.Cli.Tests;

/// <summary>
/// docs/coverage.md maps each idea of the source documents to a lesson section, a scenario and an exercise or
/// question. These tests read the table and check that everything it names exists: the lesson file and its
/// section heading, the scenario (by <see cref="SplitBrain.Scenarios.Names"/>), the exercise file, and the
/// check-yourself question. "planned" is accepted only in the lesson column.
/// </summary>
public sealed partial class CoverageTableTests
{
    private static readonly string Root = CourseFolder.Root;

    /// <summary>Every row has four cells, and each cell names only things that exist.</summary>
    [Fact]
    public void EveryRow_NamesThingsThatExist()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 20, $"the coverage table has only {rows.Count} rows");
        var problems = new List<string>();
        foreach (var row in rows)
        {
            if (row.Length != 4)
            {
                problems.Add($"row '{string.Join(" | ", row)}' has {row.Length} cells, not 4");
                continue;
            }

            var (idea, lesson, scenario, practice) = (row[0], row[1], row[2], row[3]);
            foreach (var (column, cell) in new[] { ("idea", idea), ("scenario", scenario), ("exercise or question", practice) })
            {
                if (cell.Contains("planned", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{idea}: 'planned' in the {column} column; only a lesson may be planned");
                }
            }

            problems.AddRange(CheckLesson(idea, lesson));
            problems.AddRange(CheckScenarios(idea, scenario));
            problems.AddRange(CheckPractice(idea, practice));
        }

        Assert.True(problems.Count == 0, "docs/coverage.md:\n" + string.Join("\n", problems));
    }

    /// <summary>Every scenario and every exercise of the course appears somewhere in the table.</summary>
    [Fact]
    public void EveryScenarioAndExercise_IsInTheTable()
    {
        var rows = Rows();
        var scenarios = rows.SelectMany(r => Quoted(r[2])).ToHashSet(StringComparer.Ordinal);
        var missing = SplitBrain.Scenarios.Names.Where(n => !scenarios.Contains(n)).ToList();
        var practised = rows.SelectMany(r => Quoted(r[3])).ToHashSet(StringComparer.Ordinal);
        missing.AddRange(Directory.GetFiles(Path.Combine(Root, "exercises"), "Exercise*.cs")
            .Select(f => "exercises/" + Path.GetFileName(f))
            .Where(f => !practised.Contains(f)));
        Assert.True(missing.Count == 0, "docs/coverage.md never names: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> CheckLesson(string idea, string cell)
    {
        var parts = cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            yield return $"{idea}: no lesson";
        }

        foreach (var part in parts)
        {
            if (part.StartsWith("planned:", StringComparison.Ordinal))
            {
                if (part.Length <= "planned:".Length + 3)
                {
                    yield return $"{idea}: 'planned:' without the lesson it waits for";
                }

                continue;
            }

            var match = LessonReference().Match(part);
            if (!match.Success)
            {
                yield return $"{idea}: the lesson '{part}' is neither `notebooks/NN-….ipynb` § Section nor planned: NN topic";
                continue;
            }

            var file = match.Groups["file"].Value;
            var headings = Headings(file);
            if (headings is null)
            {
                yield return $"{idea}: {file} does not exist";
            }
            else if (!headings.Contains(match.Groups["section"].Value.Trim()))
            {
                yield return $"{idea}: {file} has no section '{match.Groups["section"].Value.Trim()}' (its sections: {string.Join(", ", headings)})";
            }
        }
    }

    private static IEnumerable<string> CheckScenarios(string idea, string cell)
    {
        var names = Quoted(cell);
        if (names.Count == 0)
        {
            yield return $"{idea}: no scenario";
        }

        foreach (var name in names.Where(n => !SplitBrain.Scenarios.Names.Contains(n)))
        {
            yield return $"{idea}: no scenario is called '{name}' (course scenarios lists {string.Join(", ", SplitBrain.Scenarios.Names)})";
        }
    }

    private static IEnumerable<string> CheckPractice(string idea, string cell)
    {
        var names = Quoted(cell);
        if (names.Count == 0)
        {
            yield return $"{idea}: no exercise or question";
        }

        foreach (var name in names)
        {
            if (name.StartsWith("exercises/", StringComparison.Ordinal) && name.EndsWith(".cs", StringComparison.Ordinal))
            {
                if (!File.Exists(Path.Combine(Root, name)))
                {
                    yield return $"{idea}: {name} does not exist";
                }

                continue;
            }

            if (!name.StartsWith("notebooks/", StringComparison.Ordinal) || Headings(name) is null)
            {
                yield return $"{idea}: '{name}' is neither an exercise file nor an existing lesson";
                continue;
            }

            var after = cell[(cell.IndexOf("`" + name + "`", StringComparison.Ordinal) + name.Length + 2)..].Split('`')[0];
            var questions = Question().Matches(after).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            int asked = Questions(name);
            if (questions.Length == 0)
            {
                yield return $"{idea}: {name} is named without a question (Q1, Q2, …)";
            }

            foreach (var q in questions.Where(q => q < 1 || q > asked))
            {
                yield return $"{idea}: {name} has no check-yourself question {q} (it asks {asked})";
            }
        }
    }

    private static List<string[]> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "docs", "coverage.md"));
        int header = Array.FindIndex(lines, l => l.StartsWith("| idea |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/coverage.md has no table starting '| idea |'");
        return lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
    }

    private static List<string> Quoted(string cell) =>
        cell.Split('`').Where((_, i) => i % 2 == 1).ToList();

    /// <summary>The markdown headings of a lesson (without the #s), or null if the file does not exist.</summary>
    private static HashSet<string>? Headings(string file)
    {
        var path = Path.Combine(Root, file);
        return File.Exists(path)
            ? Markdown(path).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()).ToHashSet(StringComparer.Ordinal)
            : null;
    }

    /// <summary>How many numbered questions the lesson's "Check yourself" section asks.</summary>
    private static int Questions(string file)
    {
        var lines = Markdown(Path.Combine(Root, file));
        return lines.SkipWhile(l => !(l.StartsWith('#') && l.Contains("Check yourself", StringComparison.Ordinal)))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith('#'))
            .Count(l => NumberedItem().IsMatch(l));
    }

    private static IEnumerable<string> Markdown(string ipynb)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(ipynb));
        return notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "markdown")
            .SelectMany(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString())).Split('\n'))
            .Select(l => l.TrimEnd())
            .ToList();
    }

    [GeneratedRegex(@"^`(?<file>notebooks/[^`]+\.ipynb)`\s*§\s*(?<section>.+)$")]
    private static partial Regex LessonReference();

    [GeneratedRegex(@"\bQ(\d+)\b")]
    private static partial Regex Question();

    [GeneratedRegex(@"^\d+\.\s")]
    private static partial Regex NumberedItem();
}
