using Course.Notebooks;
using System.Text.Json.Nodes;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The lesson files as committed: plain .ipynb for the C# kernel, with nothing that only one editor understands,
/// and no stale outputs.
/// </summary>
public sealed class NotebookFormatTests
{
    public static TheoryData<string> Lessons() => [.. Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Lessons))]
    public void A_lesson_is_a_csharp_notebook_with_unique_cell_ids_and_no_outputs(string lesson)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, lesson)))!;

        Assert.Equal(".net-csharp", (string?)root["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal((4, 5), ((int)root["nbformat"]!, (int)root["nbformat_minor"]!));
        var cells = root["cells"]!.AsArray();
        var ids = cells.Select(c => (string?)c?["id"]).ToArray();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id), $"{lesson}: every cell needs an id (nbformat 4.5)"));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (var cell in cells.Where(c => (string?)c?["cell_type"] == "code"))
        {
            Assert.Equal("csharp", (string?)cell?["metadata"]?["polyglot_notebook"]?["kernelName"]);
            Assert.Empty(cell!["outputs"]!.AsArray());
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void A_lesson_starts_by_checking_it_runs_on_the_course_kernel_and_loads_nothing_by_path(string lesson)
    {
        var document = LessonFile.Read(Path.Combine(Repository.NotebooksFolder, lesson));
        string setup = LessonFile.CodeCells(document).First().Contents;

        // The course kernel leaves its "ready" note under this key; any other kernel gets the message instead.
        Assert.Contains($"AppDomain.CurrentDomain.GetData(\"{CourseKernel.ReadyKey}\") ?? throw new NotSupportedException(", setup);
        Assert.Contains("course kernel", setup);
        Assert.DoesNotContain("#r \"", setup);
        Assert.DoesNotContain(LessonFile.CodeCells(document), c => c.Contents.Contains("#r \"../lib/", StringComparison.Ordinal));
    }
}
