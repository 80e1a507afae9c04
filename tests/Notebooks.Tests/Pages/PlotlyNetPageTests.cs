using System.Text.RegularExpressions;
using Course.Notebooks;
using Notebooks.Tests.Lessons;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Pages;

/// <summary>A Plotly.NET chart, as Plotly.NET.Interactive shows it in a notebook, drawn on an exported page with the network off.</summary>
public sealed class PlotlyNetPageTests
{
    [BrowserFact]
    public void A_Plotly_NET_chart_draws_with_the_network_off_from_the_plotly_js_beside_the_page()
    {
        // The HTML Plotly.NET.Interactive shows in a notebook: it asks require.js for plotly.js on a CDN.
        string chart = Plotly.NET.Interactive.Formatters.toInteractiveHTML(Plotly.NET.Chart.Invisible());
        string notebook = $$$"""
            {"cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["Chart.Invisible()"],
              "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"text/html": {{{System.Text.Json.JsonSerializer.Serialize(chart)}}}}}]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;
        string folder = Path.Combine(Repository.Artifacts, "plotly-net");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Assets", LessonPage.PlotlyFile), Path.Combine(folder, LessonPage.PlotlyFile), overwrite: true);
        string page = Path.Combine(folder, "chart.html");
        File.WriteAllText(page, LessonPage.Render(LessonFile.Parse(notebook), "Plotly.NET"));

        string dom = BrowserTests.Browse(page, screenshot: null);

        Assert.Equal(1, BrowserTests.DrawnCharts().Count(dom));
        Assert.True(Regex.Count(dom, "<svg class=\"main-svg\"") >= 1, "plotly.js drew no <svg class=\"main-svg\">");
    }
}
