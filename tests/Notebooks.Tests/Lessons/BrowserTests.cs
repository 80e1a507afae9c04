using Course.Notebooks;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Notebooks.Tests.Support;
using Xunit.Abstractions;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// The exported page of lesson 01 opened in headless Chromium with every host name unresolvable and no proxy
/// reachable: its charts must still draw, from the plotly.js shipped beside the page. A screenshot is kept in
/// tests/Notebooks.Tests/TestResults/notebooks/.
/// </summary>
[Collection(LessonsCollection.Name)]
public sealed partial class BrowserTests(LessonsFixture lessons, ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";

    [BrowserFact]
    public void The_first_lessons_page_draws_every_chart_with_the_network_off()
    {
        var run = lessons.Runs.First(r => r.Page is not null);
        string page = File.ReadAllText(run.Page!);
        int containers = Regex.Count(page, Regex.Escape(LessonFile.ChartMarker)); // the course's figures and Plotly.NET's charts alike
        Assert.True(containers >= 2, $"{run.Name}.html has {containers} charts");

        string dom = Browse(run.Page!, Path.Combine(Repository.Artifacts, run.Name + ".png"));

        int drawn = DrawnCharts().Count(dom);
        int svgs = Regex.Count(dom, "<svg class=\"main-svg\"");
        output.WriteLine($"{run.Name}: {containers} containers, {drawn} drawn by plotly.js, {svgs} main-svg elements");
        Assert.Equal(containers, drawn);
        Assert.True(svgs >= containers, $"{svgs} <svg class=\"main-svg\"> for {containers} charts");
        var shot = new FileInfo(Path.Combine(Repository.Artifacts, run.Name + ".png"));
        Assert.True(shot.Exists && shot.Length > 20_000, $"the screenshot {shot.FullName} is missing or blank");
    }

    [BrowserFact]
    public void Without_the_local_plotly_js_a_chart_cannot_draw_so_the_network_really_is_off()
    {
        var run = lessons.Runs.First(r => r.Page is not null);
        string folder = Path.Combine(Repository.Artifacts, "no-local-plotly");
        Directory.CreateDirectory(folder);
        string page = Path.Combine(folder, "page.html");
        File.WriteAllText(page, File.ReadAllText(run.Page!).Replace("<script src=\"plotly.min.js\"></script>", "", StringComparison.Ordinal));

        string dom = Browse(page, screenshot: null);

        Assert.Contains(LessonFile.ChartMarker, dom, StringComparison.Ordinal);
        Assert.Equal(0, Regex.Count(dom, "<svg class=\"main-svg\""));
    }

    // plotly.js marks each element it has drawn a chart into with the class js-plotly-plot.
    [GeneratedRegex("class=\"[^\"]*\\bjs-plotly-plot\\b")]
    internal static partial Regex DrawnCharts();

    /// <summary>The page's DOM after headless Chromium ran its scripts with every host name unresolvable.</summary>
    internal static string Browse(string page, string? screenshot)
    {
        string home = Directory.CreateTempSubdirectory("sb-chromium-").FullName;
        try
        {
            string dom = RunChromium(home, page, "--dump-dom");
            if (screenshot is not null)
            {
                RunChromium(home, page, $"--screenshot={screenshot}", "--window-size=1100,9000");
            }

            return dom;
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static string RunChromium(string home, string page, params string[] extra)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", $"--user-data-dir={Path.Combine(home, "profile")}",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000",
        }.Concat(extra).Append(new Uri(page).AbsoluteUri))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home; // Chromium writes crash reports under ~/.config even with a profile folder
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish with {page} in 90 s");
        }

        _ = stderr.Result;
        return stdout.Result;
    }
}
