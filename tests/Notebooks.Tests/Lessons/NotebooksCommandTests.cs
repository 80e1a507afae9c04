using Course.Cli.Tests;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Lessons;

/// <summary>The <c>course notebooks</c> verb: its errors for people, and a failing cell named in the course kernel.</summary>
[Collection(LessonsCollection.Name)] // one kernel at a time, so the lessons' timings are not inflated
public sealed class NotebooksCommandTests
{
    [Fact]
    public void Without_out_it_is_a_usage_error()
    {
        var (code, _, error) = Course("notebooks");
        Assert.Equal(CourseRunner.BadInput, code);
        Assert.Contains("--out", error);
    }

    [Fact]
    public void A_missing_notebooks_folder_is_a_usage_error_that_says_which()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-lessons-folder");
        var (code, _, error) = Course("notebooks", "--out", Path.Combine(Path.GetTempPath(), "sb-out"), "--notebooks", missing);
        Assert.Equal(CourseRunner.BadInput, code);
        Assert.Contains($"no notebooks folder at {missing}", error);
    }

    [Fact]
    public void A_failing_cell_fails_the_run_and_is_named_with_its_notebook_and_first_line()
    {
        string folder = Path.Combine(Repository.Artifacts, "broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "99-broken.ipynb"), """
            {"cells": [
              {"cell_type": "code", "execution_count": null, "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": ["var fine = 6 * 7;\n", "fine"]},
              {"cell_type": "code", "execution_count": null, "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [], "source": ["// a typo a learner might make\n", "Consle.WriteLine(fine);"]}
             ],
             "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
             "nbformat": 4, "nbformat_minor": 5}
            """);

        var (code, output, _) = Course("notebooks", "--out", Path.Combine(folder, "out"), "--notebooks", folder);

        Assert.Equal(1, code);
        Assert.Contains("99-broken: 2 code cells, 0 charts, 1 errors", output);
        Assert.Contains("99-broken, cell 2 (// a typo a learner might make):", output);
        Assert.Contains("Consle", output);
        Assert.True(File.Exists(Path.Combine(folder, "out", "99-broken.html")), "a failing lesson still gets its page, errors shown");
        Assert.True(File.Exists(Path.Combine(folder, "out", "playground", "index.html")), "the site has the playground the pages link to");
        Assert.Contains("wrote the playground", output);
    }

    private static (int Code, string Output, string Error) Course(params string[] args) => CourseRunner.Run(args);
}
