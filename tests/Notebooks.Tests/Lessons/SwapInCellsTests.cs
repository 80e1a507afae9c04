using Course.Notebooks;
using Course.Grading;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// Every lesson with an exercise has a "✏️ Swap in your …" section whose code cell plugs the learner's
/// exercise into a scenario. In the course repository the exercises are the untouched stubs, so in the
/// course kernel that section must say, in one plain sentence, that the stub is still there: no stack trace.
/// </summary>
[Collection(LessonsCollection.Name)]
public sealed partial class SwapInCellsTests(LessonsFixture lessons)
{
    /// <summary>The lessons that must have a swap-in cell: each lesson the course path gives exercises to, once its notebook exists.</summary>
    public static TheoryData<string> LessonsWithExercises()
    {
        var data = new TheoryData<string>();
        foreach (var stop in CoursePath.Stops.Where(s => s.Exercises.Count > 0 && File.Exists(Path.Combine(Repository.Root, "notebooks", s.Notebook + ".ipynb"))))
        {
            data.Add(stop.Notebook);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LessonsWithExercises))]
    public void The_swap_in_cell_says_the_stub_is_still_there(string notebook)
    {
        var run = lessons.Runs.SingleOrDefault(r => r.Name == notebook);
        Assert.True(run?.Executed is not null, $"{notebook} was not run in the course kernel");
        var cells = LessonFile.Read(run!.Executed!).Elements;
        int heading = -1;
        for (int i = 0; i < cells.Count; i++)
        {
            if (!LessonFile.IsCode(cells[i]) && SwapInHeading().IsMatch(cells[i].Contents.TrimStart()))
            {
                heading = i;
                break;
            }
        }

        Assert.True(heading >= 0, $"{notebook} has no '## ✏️ Swap in your …' section");
        // The section's code cells, up to the next heading: one loads the exercises, one of them shows the note.
        var section = cells.Skip(heading + 1)
            .TakeWhile(c => LessonFile.IsCode(c) || !c.Contents.TrimStart().StartsWith('#'))
            .Where(LessonFile.IsCode)
            .ToList();
        Assert.Contains(section, c => c.Contents.Contains("#r \"../exercises/bin/Debug/net10.0/Exercises.dll\"", StringComparison.Ordinal));
        var html = string.Concat(section.SelectMany(c => c.Outputs).Select(o => LessonFile.Data(o, "text/html")));
        Assert.Contains("is still the stub", html, StringComparison.Ordinal);
        Assert.Empty(section.SelectMany(LessonFile.Errors));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^#{2,3} ✏️ Swap in your ")]
    private static partial System.Text.RegularExpressions.Regex SwapInHeading();
}
