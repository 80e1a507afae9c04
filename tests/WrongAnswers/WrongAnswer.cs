using System.Text.RegularExpressions;

namespace Course.WrongAnswers;

/// <summary>
/// One learner-style wrong answer: a file in Answers/ExerciseNN/ that starts with
/// <c>// Mistake: what the learner got wrong</c> and <c>// Caught by: words the failing test's message must contain</c>.
/// </summary>
/// <param name="Name">The embedded name, like <c>answers/Exercise05/VotesTwiceInOneTerm.cs</c>.</param>
/// <param name="Exercise">The exercise it answers, from its folder.</param>
/// <param name="Mistake">The mistake, in one line.</param>
/// <param name="CaughtBy">What a failing test's message must say.</param>
/// <param name="Source">The whole file.</param>
internal sealed partial record WrongAnswer(string Name, int Exercise, string Mistake, string CaughtBy, string Source)
{
    /// <summary>Reads the embedded wrong answer <paramref name="name"/>.</summary>
    public static WrongAnswer Load(string name)
    {
        var folder = FolderPattern().Match(name);
        if (!folder.Success)
        {
            throw new InvalidOperationException($"{name}: a wrong answer lives in Answers/ExerciseNN/.");
        }

        string source = GradedRun.Source(name);
        return new WrongAnswer(
            name,
            int.Parse(folder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            Header(name, source, "// Mistake: "),
            Header(name, source, "// Caught by: "),
            source);
    }

    private static string Header(string name, string source, string prefix)
    {
        foreach (var line in source.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..].Trim();
            }
        }

        throw new InvalidOperationException($"{name} has no line starting with '{prefix}'.");
    }

    [GeneratedRegex(@"^answers/Exercise(\d\d)/")]
    private static partial Regex FolderPattern();
}
