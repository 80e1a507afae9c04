using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SplitBrain.Visuals;

/// <summary>
/// A Plotly figure: the traces to draw and the layout around them, serialised as the JSON that plotly.js
/// reads (<c>Plotly.newPlot(div, data, layout)</c>).
/// </summary>
/// <remarks>
/// The course builds its charts from this small typed model instead of Plotly.NET, because Plotly.NET 6 needs
/// FSharp.Core 10.1 and the notebook kernel ships 10.0: the charts would load in a test host and fail in front
/// of a learner. The JSON is deterministic: the same figure always serialises to the same text.
/// </remarks>
/// <param name="Data">The traces, drawn in order (later ones on top).</param>
/// <param name="Layout">Titles, axes, shapes and annotations.</param>
public sealed record PlotFigure(IReadOnlyList<PlotTrace> Data, PlotLayout Layout)
{
    /// <summary>The CSS class of every chart's container, so tests and pages can find the charts.</summary>
    public const string ContainerClass = "splitbrain-plot";

    /// <summary>Where a notebook loads plotly.js from when the page has not loaded it already.</summary>
    public const string PlotlyCdn = "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@4.1.2/plotly.min.js";

    /// <summary>The figure as Plotly JSON: <c>{"data":[…],"layout":{…}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { data = Data, layout = Layout }, PlotJson.Options);

    /// <summary>
    /// The figure as an HTML fragment: a container and a script that draws into it. The script uses the page's
    /// plotly.js if there is one (an exported lesson page ships it), and otherwise loads it once from <see cref="PlotlyCdn"/>.
    /// </summary>
    /// <param name="elementId">The id of the container; unique within the page. Null: derived from the figure's content.</param>
    public string ToHtml(string? elementId = null)
    {
        string json = ToJson();
        string id = elementId ?? "sb-plot-" + ContentId(json);
        int height = Layout.Height ?? 420;
        var html = new StringBuilder(json.Length + 1200);
        html.Append($"<div class=\"{ContainerClass}\" id=\"{id}\" style=\"width:100%;height:{height}px\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n");
        html.Append("  var figure = ").Append(json.Replace("</", "<\\/", StringComparison.Ordinal)).Append(";\n");
        html.Append($"  function draw() {{ Plotly.newPlot('{id}', figure.data, figure.layout, {{responsive: true, displaylogo: false}}); }}\n");
        html.Append("  if (window.Plotly) { draw(); return; }\n");
        html.Append("  var waiting = window.splitBrainPlotlyWaiting = window.splitBrainPlotlyWaiting || [];\n");
        html.Append("  waiting.push(draw);\n");
        html.Append("  if (waiting.length > 1) { return; }\n");
        html.Append("  var script = document.createElement('script');\n");
        html.Append($"  script.src = '{PlotlyCdn}';\n");
        html.Append("  script.onload = function () { waiting.splice(0).forEach(function (f) { f(); }); };\n");
        html.Append("  document.head.appendChild(script);\n");
        html.Append("})();\n</script>");
        return html.ToString();
    }

    /// <summary>The figure's JSON, so that printing a figure shows what plotly.js will draw.</summary>
    public override string ToString() => ToJson();

    private static string ContentId(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
}
