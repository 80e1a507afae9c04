using Course.Notebooks;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Notebooks.Tests.Lessons;

/// <summary>The gate: every lesson runs top to bottom on the course kernel with no error, and every chart cell drew a chart.</summary>
[Collection(LessonsCollection.Name)]
public sealed partial class LessonRunTests(LessonsFixture lessons, ITestOutputHelper output)
{
    [Fact]
    public void There_are_lessons_to_run()
    {
        Assert.True(lessons.Notebooks.Count >= 1, "notebooks/ has no .ipynb lesson");
        Assert.Equal(lessons.Notebooks.Count, lessons.Runs.Count);
    }

    [Fact]
    public void Every_lesson_runs_on_the_course_kernel_without_an_error_output()
    {
        output.WriteLine(lessons.Log); // each lesson's time, a figure for notebooks/README.md, not a limit
        var failures = lessons.Runs.Where(r => !r.Succeeded).SelectMany(r => r.Errors.DefaultIfEmpty($"{r.Name}: no executed notebook")).ToArray();
        Assert.True(failures.Length == 0, "lessons failed on the course kernel:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Every_code_cell_of_every_lesson_ran()
    {
        foreach (var run in lessons.Runs.Where(r => r.Executed is not null))
        {
            var cells = LessonFile.Read(run.Executed!).Elements;
            for (int i = 0; i < cells.Count; i++)
            {
                if (LessonFile.IsCode(cells[i]) && cells[i].Contents.Trim().Length > 0)
                {
                    Assert.True(cells[i].Outputs.Any() || EndsInStatement(cells[i].Contents),
                        $"{run.Name}, cell {i + 1}: no output; a cell that shows nothing should end in a statement (;)");
                }
            }
        }
    }

    [Fact]
    public void Every_chart_cell_produced_plotly_html()
    {
        int charts = 0;
        foreach (var run in lessons.Runs.Where(r => r.Executed is not null))
        {
            var cells = LessonFile.Read(run.Executed!).Elements;
            for (int i = 0; i < cells.Count; i++)
            {
                string source = cells[i].Contents;
                if (!LessonFile.IsCode(cells[i]) || !ChartCall().IsMatch(source))
                {
                    continue;
                }

                var html = cells[i].Outputs.Select(o => LessonFile.Data(o, "text/html")).OfType<string>().ToArray();
                if (source.Contains("YourCode.", StringComparison.Ordinal) && html.Any(h => h.Contains("is still the stub", StringComparison.Ordinal)))
                {
                    continue; // a swap-in cell draws the learner's run only once the exercise is written; until then it says so
                }

                Assert.True(html.Any(LessonFile.IsChart),
                    $"{run.Name}, cell {i + 1} ({source.Split('\n')[0]}) calls a chart but shows no plotly HTML");
                charts++;
            }

            Assert.True(run.Charts >= 2, $"{run.Name} draws {run.Charts} charts; a lesson shows its run in pictures (at least 2)");
        }

        Assert.True(charts >= 2 * lessons.Runs.Count);
    }

    [Fact]
    public void Every_lesson_ends_with_check_yourself_answers_on_demand_and_a_pointer_to_its_exercises()
    {
        foreach (string notebook in lessons.Notebooks)
        {
            var cells = LessonFile.Read(notebook).Elements;
            string markdown = string.Concat(cells.Where(c => !LessonFile.IsCode(c)).Select(c => c.Contents));
            string name = Path.GetFileName(notebook);
            Assert.Contains("Check yourself", markdown, StringComparison.Ordinal);
            Assert.True(Regex.Count(markdown, "<details>") >= 3, $"{name}: at least 3 questions with answers hidden in <details>");
            Assert.Contains("exercises/", markdown, StringComparison.Ordinal);
            Assert.Contains("EDIT", string.Concat(cells.Where(LessonFile.IsCode).Select(c => c.Contents)), StringComparison.Ordinal);
        }
    }

    private static bool EndsInStatement(string source) => source.TrimEnd().EndsWith(';') || source.TrimEnd().EndsWith('}');

    [GeneratedRegex(@"Pictures\.(SpaceTime|Leadership|Balance|WhoCanWrite|Terms|Progress|History)\(")]
    private static partial Regex ChartCall();
}
