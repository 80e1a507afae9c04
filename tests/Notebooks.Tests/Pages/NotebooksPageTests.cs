using System.Text.Json.Nodes;
using Course.Cli;

namespace Notebooks.Tests.Pages;

public sealed class NotebooksPageTests
{
    private static string Notebook(params JsonObject[] cells) => new JsonObject
    {
        ["cells"] = new JsonArray(cells),
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    }.ToJsonString();

    private static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = new JsonArray(text.Split('\n').Select(l => (JsonNode)JsonValue.Create(l + "\n")!).ToArray()) };

    private static JsonObject Code(string source, params JsonObject[] outputs) => new() { ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["source"] = source, ["outputs"] = new JsonArray(outputs) };

    private static JsonObject Html(string html) => new() { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = new JsonArray(JsonValue.Create(html)) } };

    [Fact]
    public void The_page_has_the_lessons_text_code_and_outputs_and_loads_plotly_from_beside_it()
    {
        string page = NotebooksPage.Render(
            Notebook(
                Markdown("# The double withdrawal\nTwo **leaders**.\n\n<details><summary>Answer</summary>$120</details>"),
                Code("var x = 1 < 2;", Html("<div class=\"splitbrain-plot\" id=\"sb-chart-1\"></div>")),
                Code("throw new Exception();", new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "boom" })),
            "fallback");

        Assert.Contains("<title>The double withdrawal</title>", page);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.Contains("<strong>leaders</strong>", page);
        Assert.Contains("<details><summary>Answer</summary>$120</details>", page);
        Assert.Contains("var x = 1 &lt; 2;", page);
        Assert.Contains("<div class=\"splitbrain-plot\" id=\"sb-chart-1\"></div>", page);
        Assert.Contains("<pre class=\"error\">Error: boom</pre>", page);
    }

    [Fact]
    public void Errors_in_an_executed_notebook_name_the_cell()
    {
        var cells = NotebooksCells.Cells(Notebook(Markdown("# x"), Code("Oops();\nmore", new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = "CS0103" })));

        Assert.Equal(["Error: CS0103"], NotebooksCells.Errors(cells[1]));
        Assert.Equal("Oops();\nmore", NotebooksCells.Source(cells[1]));
        Assert.Empty(NotebooksCells.Errors(cells[0]));
    }
}
