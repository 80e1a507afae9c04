using System.Text.Json.Nodes;
using Course.Cli;
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
        var cells = NotebooksCells.Cells(root.ToJsonString());
        var ids = cells.Select(c => (string?)c?["id"]).ToArray();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id), $"{lesson}: every cell needs an id (nbformat 4.5)"));
        Assert.Equal(ids.Length, ids.Distinct().Count());
        foreach (var cell in cells.Where(NotebooksCells.IsCode))
        {
            Assert.Equal("csharp", (string?)cell?["metadata"]?["polyglot_notebook"]?["kernelName"]);
            Assert.Empty(NotebooksCells.Outputs(cell));
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void A_lesson_starts_by_loading_the_built_library_relative_to_its_folder(string lesson)
    {
        var cells = NotebooksCells.Cells(File.ReadAllText(Path.Combine(Repository.NotebooksFolder, lesson)));
        string setup = NotebooksCells.Source(cells.First(NotebooksCells.IsCode));

        Assert.Contains("#r \"../lib/SplitBrain.Visuals/bin/Debug/net10.0/SplitBrain.Visuals.dll\"", setup);
        Assert.Contains("Lesson.Setup()", setup);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "lib", "SplitBrain.Visuals", "bin", "Debug", "net10.0", "SplitBrain.Visuals.dll")),
            "the notebooks load the Debug build: build course.sln first");
    }
}
