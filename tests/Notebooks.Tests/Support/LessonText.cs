using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Notebooks.Tests.Support;

/// <summary>
/// What a lesson says, read from its markdown cells, so a claims test compares the run with the lesson's own
/// sentence and an edit of either side cannot drift away unnoticed.
/// </summary>
internal static class LessonText
{
    /// <summary>All markdown cells of a lesson, joined by blank lines.</summary>
    /// <param name="lesson">The notebook's file name, like <c>03-leases-clocks-and-pauses.ipynb</c>.</param>
    internal static string Markdown(string lesson) => Cells(lesson, "markdown");

    // The one match of `pattern` in `text`; a pattern that matches never or twice fails, naming where it looked.
    private static Match Once(string text, string where, string pattern)
    {
        var matches = Regex.Matches(text, pattern);
        Assert.True(matches.Count == 1, $"{where} should say \"{pattern}\" exactly once; it says it {matches.Count} times.");
        return matches[0];
    }

    private static string Cells(string lesson, string kind)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, lesson)))!;
        var cells = notebook["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == kind)
            .Select(c => string.Concat(c!["source"]!.AsArray().Select(line => (string?)line)));
        return string.Join("\n\n", cells);
    }

    /// <summary>All code cells of a lesson, joined by blank lines.</summary>
    /// <param name="lesson">The notebook's file name.</param>
    internal static string Code(string lesson) => Cells(lesson, "code");

    /// <summary>
    /// The text a lesson's code gives a setting, like the partition in <c>string partition = "A,B,client-1 | C,client-2";</c>:
    /// the first group of <paramref name="pattern"/>, which must match exactly once in the code cells. A claims test
    /// runs what the lesson runs, with the values a learner finds in the cells.
    /// </summary>
    /// <param name="lesson">The notebook's file name.</param>
    /// <param name="pattern">A regular expression with one group, like <c>string partition = "([^"]+)";</c>.</param>
    internal static string Setting(string lesson, string pattern)
    {
        return Once(Code(lesson), $"{lesson}'s code", pattern).Groups[1].Value;
    }

    /// <summary>
    /// Every number of a sentence the lesson states once: all groups of <paramref name="pattern"/>, in order, like
    /// the seeds of "Try 1, 2 and 7".
    /// </summary>
    /// <param name="lesson">The notebook's file name.</param>
    /// <param name="pattern">A regular expression with a group around each number.</param>
    internal static double[] Numbers(string lesson, string pattern)
    {
        return Once(Markdown(lesson), lesson, pattern).Groups.Cast<Group>().Skip(1)
            .Select(g => double.Parse(g.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>
    /// The number a lesson states in a sentence: the first group of <paramref name="pattern"/>, which must match
    /// exactly once. Digit group commas (30,013) are read as part of the number.
    /// </summary>
    /// <param name="lesson">The notebook's file name.</param>
    /// <param name="pattern">A regular expression with one group around the number, like <c>H2 took over at about ([\d.]+) seconds</c>.</param>
    internal static double Number(string lesson, string pattern)
    {
        return double.Parse(Once(Markdown(lesson), lesson, pattern).Groups[1].Value.Replace(",", "", StringComparison.Ordinal).TrimEnd('.'), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Checks that <paramref name="actual"/> rounds to the number the lesson states in <paramref name="pattern"/>:
    /// "about 0.11 seconds" holds for 0.105 to 0.115, "about 9 ms" for 8.5 to 9.5.
    /// </summary>
    /// <param name="lesson">The notebook's file name.</param>
    /// <param name="pattern">A regular expression with one group around the number.</param>
    /// <param name="actual">What the run measured, in the lesson's unit.</param>
    internal static void About(string lesson, string pattern, double actual)
    {
        var match = Once(Markdown(lesson), lesson, pattern);
        string text = match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal).TrimEnd('.');
        double stated = double.Parse(text, CultureInfo.InvariantCulture);
        int decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        double half = 0.5 * Math.Pow(10, -decimals) + 1e-9;
        Assert.True(Math.Abs(actual - stated) <= half,
            $"{lesson} says {match.Value.Trim()}, but the run gives {actual.ToString("0.####", CultureInfo.InvariantCulture)}.");
    }
}
