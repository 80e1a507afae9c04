using System.Text.Json.Nodes;

namespace Course.Cli;

/// <summary>Reading cells and outputs out of an .ipynb file (nbformat 4), as the runner and the page writer need them.</summary>
public static class NotebooksCells
{
    /// <summary>The marker every chart's HTML carries (the class of its container).</summary>
    public const string ChartMarker = "class=\"" + SplitBrain.Visuals.PlotFigure.ContainerClass + "\"";

    /// <summary>Parses an .ipynb file's text.</summary>
    /// <param name="json">The notebook's JSON.</param>
    /// <exception cref="FormatException">It is not a notebook.</exception>
    public static JsonArray Cells(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A notebook is a JSON object.");
        return root["cells"] as JsonArray ?? throw new FormatException("A notebook has a \"cells\" list.");
    }

    /// <summary>A cell's source as one string (nbformat allows a string or a list of lines).</summary>
    /// <param name="cell">The cell.</param>
    public static string Source(JsonNode? cell) => Text(cell?["source"]);

    /// <summary>Whether the cell is a code cell.</summary>
    /// <param name="cell">The cell.</param>
    public static bool IsCode(JsonNode? cell) => (string?)cell?["cell_type"] == "code";

    /// <summary>The cell's outputs, or none.</summary>
    /// <param name="cell">The cell.</param>
    public static IEnumerable<JsonObject> Outputs(JsonNode? cell) =>
        (cell?["outputs"] as JsonArray)?.OfType<JsonObject>() ?? [];

    /// <summary>The text of one MIME type of an output, or null when it has none.</summary>
    /// <param name="output">A display_data or execute_result output.</param>
    /// <param name="mimeType">Such as <c>text/html</c>.</param>
    public static string? Data(JsonObject output, string mimeType) =>
        output["data"]?[mimeType] is { } data ? Text(data) : null;

    /// <summary>The error outputs of a cell, as <c>name: message</c>.</summary>
    /// <param name="cell">The cell.</param>
    public static IEnumerable<string> Errors(JsonNode? cell) =>
        Outputs(cell).Where(o => (string?)o["output_type"] == "error")
            .Select(o => $"{(string?)o["ename"]}: {(string?)o["evalue"]}".Trim());

    /// <summary>A string, or a list of strings joined (how nbformat stores multi-line text).</summary>
    /// <param name="node">The JSON value.</param>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };
}
