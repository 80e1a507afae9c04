using System.Diagnostics;
using System.Globalization;
using PuppeteerSharp;

// The playground's figures on this machine. Usage: PlaygroundFigures [Debug|Release] [SITE-FOLDER]. Serves the site with
// `course playground --port 0` (or --site SITE-FOLDER), opens it in headless
// Chromium (/usr/bin/chromium, no download) and prints what a learner waits for and downloads. Timings are the
// browser's own clock (performance.now), taken over several repetitions; the median is printed.
const string Chromium = "/usr/bin/chromium";
const string Link = "?scenario=bank-ledger&seed=1&fencing=off";
const string Transferred = "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((s, e) => s + e.transferSize, 0)";
if (!File.Exists(Chromium))
{
    Console.Error.WriteLine("needs Chromium: apt-get install chromium");
    return 2;
}

string root = FindRoot(AppContext.BaseDirectory);
string configuration = args.Length > 0 ? args[0] : "Debug";
string course = Path.Combine(root, "lib", "Course.Cli", "bin", configuration, "net10.0", "course.dll");
var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
start.ArgumentList.Add(course);
foreach (string arg in new[] { "playground", "--port", "0" })
{
    start.ArgumentList.Add(arg);
}

string siteName = "the site built beside course";
if (args.Length > 1)
{
    start.ArgumentList.Add("--site");
    start.ArgumentList.Add(Path.GetFullPath(args[1]));
    siteName = Path.GetFullPath(args[1]);
}

string loadBefore = Load();
using var server = Process.Start(start)!;
string profile = Directory.CreateTempSubdirectory("sb-playground-figures-").FullName;
try
{
    string url = (await server.StandardOutput.ReadLineAsync())!.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal));
    await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        UserDataDir = profile,
        Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });

    var firstVerdicts = new List<double>();
    var firstPictures = new List<double>();
    var downloaded = new List<double>();
    double bytes = 0, files = 0, bytesAtVerdict = 0;
    for (int k = 0; k < 5; k++)
    {
        // A fresh context each time: an empty cache, as a learner's first visit.
        await using var context = await browser.CreateBrowserContextAsync();
        await using var page = await context.NewPageAsync();
        await page.GoToAsync(url + Link, WaitUntilNavigation.Load);
        await page.WaitForSelectorAsync("[data-testid=verdict]", new WaitForSelectorOptions { Timeout = 120_000 });
        firstVerdicts.Add(await page.EvaluateExpressionAsync<double>("performance.now()"));
        downloaded.Add(await page.EvaluateExpressionAsync<double>(
            "Math.max(...performance.getEntriesByType('resource').filter(e => e.name.includes('/_framework/')).map(e => e.responseEnd))"));
        bytesAtVerdict = await page.EvaluateFunctionAsync<double>(
            "verdict => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).filter(e => e.responseEnd <= verdict).reduce((s, e) => s + e.transferSize, 0)",
            firstVerdicts[^1]);

        // Then the pictures: their assemblies and plotly.js arrive after the verdict.
        await page.WaitForFunctionAsync("() => document.body.hasAttribute('data-drawn-step')", new WaitForFunctionOptions { Timeout = 120_000, PollingInterval = 20 });
        firstPictures.Add(await page.EvaluateExpressionAsync<double>("performance.now()"));
        bytes = await page.EvaluateExpressionAsync<double>(Transferred);
        files = await page.EvaluateExpressionAsync<double>("performance.getEntriesByType('resource').length + 1");
    }

    await using var player = await browser.NewPageAsync();
    await player.GoToAsync(url + Link);
    await player.WaitForSelectorAsync("[data-testid=verdict]", new WaitForSelectorOptions { Timeout = 120_000 });
    var runs = await player.EvaluateFunctionAsync<double[]>(@"async query => {
        const times = [];
        for (let k = 0; k < 25; k++) {
          const t0 = performance.now();
          await DotNet.invokeMethodAsync('SplitBrain.Playground', 'TraceHashes', [query]);
          times.push(performance.now() - t0);
        }
        return times; }", Link[1..]);
    var views = new List<(string Name, Scrubbing Figures)>
    {
        ("heartbeats hidden (the default view)", await Scrub(player)),
    };
    await using var shown = await browser.NewPageAsync();
    await shown.GoToAsync(url + Link + "&heartbeats=on");
    await shown.WaitForSelectorAsync("[data-testid=verdict]", new WaitForSelectorOptions { Timeout = 120_000 });
    views.Add(("heartbeats shown", await Scrub(shown)));
    Console.WriteLine($"Playground figures ({siteName}, course {configuration}, headless Chromium, {Environment.ProcessorCount} cores):");
    Console.WriteLine($"  load average (1, 5, 15 min): {loadBefore} before, {Load()} after");
    Console.WriteLine($"  navigation to the first verdict on screen: {Median(firstVerdicts):0} ms (median of {firstVerdicts.Count} cold loads; target < 3000 ms)");
    Console.WriteLine($"    of which until the last runtime file arrived: {Median(downloaded):0} ms");
    Console.WriteLine($"  navigation to the first pictures drawn:    {Median(firstPictures):0} ms");
    Console.WriteLine($"  one bank-ledger run in the page:           {Median(runs):0.0} ms (median of {runs.Length}; target < 50 ms)");
    foreach (var (name, figures) in views)
    {
        Console.WriteLine($"  one scrub step redrawn, {name}, {figures.Arrows} arrows at the last step:");
        Console.WriteLine($"    pressed one after another:               {Median(figures.Steps):0.0} ms (median of {figures.Steps.Length}; target < 100 ms)");
        Console.WriteLine($"    pressed every 250 ms (a human pace):     {Median(figures.Paced):0.0} ms (median of {figures.Paced.Length}; slowest {figures.Paced.Max():0.0} ms)");
        Console.WriteLine($"    the same after a 0.6 s pause each:       {Median(figures.Paused):0.0} ms (median of {figures.Paused.Length})");
        Console.WriteLine($"    plotly.js drawing all four in full:      {Median(figures.Draws):0.0} ms (the rest of a step: the lessons' charts built in C#, Plotly.NET in WebAssembly)");
        Console.WriteLine($"    of which the space-time diagram:         {Median(figures.SpaceTime):0.0} ms");
    }

    Console.WriteLine($"  downloaded on a first visit:               {bytes / 1_000_000:0.00} MB compressed (gzip), {files:0} files, {bytesAtVerdict / 1_000_000:0.00} MB of it before the first verdict");
    return 0;
}
finally
{
    if (!server.HasExited)
    {
        server.Kill(entireProcessTree: true);
        server.WaitForExit(10_000);
    }

    Directory.Delete(profile, recursive: true);
}

// Scrubs back from the last step of the run on `page`: steps pressed one after another, then a press every 250 ms (a
// learner's pace), then steps each after the pause of a learner reading the pictures (the page builds the next step's
// pictures while they read), then plotly.js alone.
static async Task<Scrubbing> Scrub(IPage page)
{
    await page.WaitForFunctionAsync("() => document.body.hasAttribute('data-drawn-step')", new WaitForFunctionOptions { Timeout = 120_000, PollingInterval = 20 });
    int arrows = await page.EvaluateExpressionAsync<int>(
        "document.getElementById('spacetime').data.filter(t => t.name === 'delivered message' || t.name === 'lost message').reduce((n, t) => n + t.x.length / 3, 0)");
    var steps = await Presses(page, count: 25, gapMs: 0, fromPress: false);
    await page.ClickAsync("[data-testid=step-last]");
    // At a human pace: a press every 250 ms, counted by the browser's clock from the press before.
    var paced = await Presses(page, count: 20, gapMs: 250, fromPress: true);
    await page.ClickAsync("[data-testid=step-last]");
    var paused = await Presses(page, count: 15, gapMs: 600, fromPress: false);
    var draws = await Redraws(page, only: null);
    var spaceTime = await Redraws(page, only: "spacetime");
    return new Scrubbing(arrows, steps, paced, paused, draws, spaceTime);
}

// Presses "<" `count` times and times each press until the page has drawn the step before, by the browser's clock:
// straight after the last draw (gapMs 0), after a pause of gapMs once the last step is drawn, or (fromPress) gapMs
// after the last press.
static Task<double[]> Presses(IPage page, int count, int gapMs, bool fromPress) =>
    page.EvaluateFunctionAsync<double[]>(@"async (count, gap, fromPress) => {
        const drawn = expected => new Promise(done => { const check = () => document.body.getAttribute('data-drawn-step') === expected ? done() : setTimeout(check, 0); check(); });
        const times = [];
        const back = document.querySelector('[data-testid=step-back]');
        await drawn(document.querySelector('[data-testid=step]').textContent);
        let next = performance.now() + gap;
        for (let k = 0; k < count; k++) {
          if (gap > 0) await new Promise(done => setTimeout(done, fromPress ? Math.max(0, next - performance.now()) : gap));
          const expected = String(Number(document.querySelector('[data-testid=step]').textContent) - 1);
          const t0 = performance.now();
          back.click();
          await drawn(expected);
          times.push(performance.now() - t0);
          next = t0 + gap;
        }
        return times; }", count, gapMs, fromPress);

// plotly.js alone: the last figures drawn again 25 times, all of them or only the chart with the id `only`.
static Task<double[]> Redraws(IPage page, string? only) =>
    page.EvaluateFunctionAsync<double[]>(@"only => {
        const times = [];
        for (let k = 0; k < 25; k++) {
          const t0 = performance.now();
          playground.redraw(only === null ? undefined : only);
          times.push(performance.now() - t0);
        }
        return times; }", only);

static string Load() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static string FindRoot(string from)
{
    var folder = new DirectoryInfo(from);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "course.sln")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName ?? throw new InvalidOperationException("not inside the course folder");
}

/// <summary>A scrub's figures in one view: arrows drawn at the last step, then milliseconds per try (pressed one after another, every 250 ms, after a 0.6 s pause, plotly.js alone).</summary>
internal sealed record Scrubbing(int Arrows, double[] Steps, double[] Paced, double[] Paused, double[] Draws, double[] SpaceTime);
