using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace SplitBrain.Visuals;

/// <summary>
/// A chart as an HTML fragment for a static page that loads plotly.js itself, once, from a local file
/// (<c>Assets/plotly.min.js</c> beside this library, plotly.js 4.1.2): no script tag, no CDN, no require.js.
/// </summary>
/// <remarks>
/// Plotly.NET 6 is written against plotly.js 2.28.0 (<c>Globals.PLOTLYJS_VERSION</c>, its default CDN reference). The
/// charts here use only scatter and bar traces, shapes and annotations, with titles as objects, which plotly.js 3 and 4
/// draw the same way; the one difference the page sees is that plotly.js 4 ignores the <c>heatmapgl</c> entry of
/// Plotly.NET's default template.
/// </remarks>
public static partial class ChartHtml
{
    /// <summary>The CSS class of the element around every chart of a page, so tests and pages can find the charts.</summary>
    public const string ContainerClass = "splitbrain-plot";

    /// <summary>
    /// <paramref name="chart"/> as a <c>div</c> and the script that draws into it with the page's <c>Plotly</c>
    /// (<c>GenericChart.toChartHTML</c> with <see cref="PlotlyJSReference.NoReference"/>), in an element of class
    /// <see cref="ContainerClass"/>. The fragment is the same text for the same chart.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="elementId">The id of the chart's <c>div</c>, unique within the page. Null: one derived from the chart's content.</param>
    public static string Fragment(GenericChart chart, string? elementId = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var standalone = Plotly.NET.Chart.withDisplayOptions(
            DisplayOptions.init(null, null, null, null, null, null, PlotlyJSReference.NoReference)).Invoke(chart);
        string html = GenericChart.toChartHTML(standalone);

        // Plotly.NET names the div with a fresh Guid each time: name it from the figure instead, so a page is the same for the same run.
        string id = elementId ?? "sb-chart-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(GenericChart.toJson(chart))))[..12];
        var guid = Guid().Match(html);
        if (guid.Success)
        {
            html = html.Replace(guid.Value, id, StringComparison.Ordinal)
                .Replace(guid.Value.Replace("-", "", StringComparison.Ordinal), id.Replace("-", "_", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        // Plotly.NET writes the figure's JSON into the script as it is: a "</" in a name or a label would end the script early.
        int body = html.IndexOf("<script", StringComparison.Ordinal);
        int end = html.LastIndexOf("</script>", StringComparison.Ordinal);
        if (body >= 0 && end > body)
        {
            body = html.IndexOf('>', body) + 1;
            html = html[..body] + html[body..end].Replace("</", "<\\/", StringComparison.Ordinal) + html[end..];
        }

        // A fixed height on the div: plotly.js's responsive mode otherwise stretches a div without one to its parent's height.
        int height = GenericChart.getLayout(chart).TryGetPropertyValue("height") is { } h && h.Value is int pixels ? pixels : 450;
        html = html.Replace($"<div id=\"{id}\">", $"<div id=\"{id}\" style=\"width:100%;height:{height}px\">", StringComparison.Ordinal);

        // Plotly.NET puts the chart's div and script in a plain div: give that one the class.
        const string Plain = "<div>";
        return html.StartsWith(Plain, StringComparison.Ordinal)
            ? $"<div class=\"{ContainerClass}\">" + html[Plain.Length..]
            : $"<div class=\"{ContainerClass}\">{html}</div>";
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
