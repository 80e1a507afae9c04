using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Services;
using Microsoft.JSInterop;

namespace SplitBrain.Playground;

/// <summary>
/// The player's state and what each control does. The state is the URL: the run's query (<see cref="RunLink"/>)
/// plus <c>step</c>, the scrubbed moment. Every change reruns the real simulator at once and rewrites the URL, so
/// the address bar is always a link that reproduces what is on screen. The view's own keys (<c>step</c>, and
/// <c>heartbeats=on</c> when the space-time diagram shows heartbeats) are the page's, not <see cref="RunLink"/>'s:
/// they change what is drawn, not the run.
/// </summary>
public partial class App : ComponentBase
{
    /// <summary>How far the move buttons shift a fault.</summary>
    public static readonly TimeSpan MoveStep = TimeSpan.FromMilliseconds(200);

    private string scenarioName = Scenarios.All[0].Name;
    private long seed = 1;
    private bool fencing;
    private int? quorum;
    private bool? margin;
    private bool? tokens;
    private List<ScheduledFault>? faults;
    private int step;
    private PlayerRun? run;
    private string? error;
    private double runMs;
    private bool pictureStale = true;
    private bool viewStale;
    private bool showHeartbeats;
    private int drawnStep = -1;
    private bool drawing;
    private int direction = -1;
    private ScrubbedPictures? pictures;
    private string? sentTemplate; // the template JSON playground.js holds (ScrubbedPictures.Template)
    private string newFault = "";
    private int exploreCount = 1000;
    private PageExplorer? explorer;
    private ExploreResult? explored;
    private bool stopRequested;
    private bool exploreStopped;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private LazyAssemblyLoader Loader { get; set; } = default!;

    private Task? picturesLoaded;

    private Scenario Current => Scenarios.All.FirstOrDefault(s => s.Name == scenarioName) ?? Scenarios.All[0];

    private ScenarioOptions Options => new() { Seed = seed, Fencing = fencing, Margin = margin, Tokens = tokens, Quorum = quorum, Faults = faults };

    // The faults on screen: the learner's own, or the scenario's script; worked out once per run, not per render.
    private IReadOnlyList<ScheduledFault> Faults { get; set; } = [];

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        string query = new Uri(Navigation.Uri).Query;
        int? wanted = null;
        try
        {
            var (name, options) = RunLink.Parse(query);
            Scenarios.Get(name);
            scenarioName = name;
            seed = options.Seed;
            fencing = options.Fencing;
            quorum = options.Quorum;
            margin = options.Margin;
            tokens = options.Tokens;
            faults = options.Faults?.ToList();
            if (RunLink.Values(query).TryGetValue("step", out string? at) && int.TryParse(at, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
            {
                wanted = parsed;
            }

            showHeartbeats = RunLink.Values(query).GetValueOrDefault("heartbeats") == "on";
        }
        catch (ArgumentException bad)
        {
            error = "This link does not name a run: " + bad.Message.Split(" (Parameter")[0];
        }

        Rerun(wanted);
    }

    /// <inheritdoc />
    protected override Task OnAfterRenderAsync(bool firstRender) => pictureStale || viewStale ? DrawPicturesAsync() : Task.CompletedTask;

    // Draws the pictures of the current run at the current step, and again while either changed during a draw: the
    // scrubber's input events that arrive while one step is being drawn are not drawn one by one, only the last.
    private async Task DrawPicturesAsync()
    {
        if (drawing)
        {
            return;
        }

        drawing = true;
        try
        {
            if (picturesLoaded is null)
            {
                // The verdict is on screen before anything heavy starts: plotly.js and the pictures' assemblies (see the
                // project file) are fetched after the browser has painted it.
                await Js.InvokeVoidAsync("playground.afterPaint");
                await Js.InvokeVoidAsync("playground.loadPlotly");
                picturesLoaded = Loader.LoadAssembliesAsync(ScrubbedPictures.Assemblies);
            }

            await picturesLoaded;
            while (run is { } r && (pictureStale || viewStale || drawnStep != step))
            {
                if (pictureStale)
                {
                    pictures = new ScrubbedPictures(r, showHeartbeats);
                    pictureStale = false;
                }

                pictures!.ShowHeartbeats = showHeartbeats;
                viewStale = false;

                drawnStep = step;
                var figures = pictures!.Json(drawnStep);
                double now = r.LastStep < 0 ? 0 : r.Lines[drawnStep].Time.TotalSeconds;
                // Plotly.NET's template goes to the page once, not in every figure (see ScrubbedPictures.SharedTemplate).
                string? template = pictures.Template is { } text && !string.Equals(text, sentTemplate, StringComparison.Ordinal) ? text : null;
                await Js.InvokeVoidAsync("playground.draw", drawnStep, now, r.Result.Simulation.Now.TotalSeconds, figures, template);
                sentTemplate = template ?? sentTemplate;
            }

            _ = PrepareNeighboursAsync();
        }
        catch (Exception broken) when (broken is NotSupportedException or InvalidOperationException or JSException)
        {
            error = "The pictures could not be drawn: " + broken.Message;
            StateHasChanged();
        }
        finally
        {
            drawing = false;
        }
    }

    // While the learner reads the pictures, builds those of the next step in the direction they were scrubbing, then
    // of the step the other way, so that the next press only draws. It starts as soon as the drawn step is painted and
    // builds one figure at a time, letting the browser hand the page the learner's input between two figures: a press
    // waits for one figure's build at most, and goes on from the figures already built if it is the step being
    // built. It stops as soon as the learner moves.
    private async Task PrepareNeighboursAsync()
    {
        var (r, at, p) = (run, step, pictures);
        try
        {
            await Js.InvokeVoidAsync("playground.afterPaint");
        }
        catch (JSException)
        {
            return;
        }

        foreach (int next in new[] { at + direction, at - direction })
        {
            while (true)
            {
                if (drawing || p is null || !ReferenceEquals(run, r) || !ReferenceEquals(pictures, p) || step != at || !p.PrepareOne(next))
                {
                    break;
                }

                await Task.Delay(1); // a timer, not a continuation: the browser runs the input that waits first
            }

            if (drawing || !ReferenceEquals(run, r) || !ReferenceEquals(pictures, p) || step != at)
            {
                return;
            }
        }
    }

    private void Rerun(int? wantedStep = null)
    {
        try
        {
            Faults = faults ?? Current.Script(Options);
            var watch = Stopwatch.StartNew();
            run = new PlayerRun(Current, Options);
            runMs = watch.Elapsed.TotalMilliseconds;
            error = null;
        }
        catch (ArgumentException bad)
        {
            run = null;
            error = bad.Message.Split(" (Parameter")[0];
        }

        pictureStale = true;
        step = run is null ? 0 : Math.Clamp(wantedStep ?? run.LastStep, 0, Math.Max(run.LastStep, 0));
        WriteUrl();
    }

    private void WriteUrl()
    {
        string query = RunLink.Query(scenarioName, Options) + $"&step={step.ToString(CultureInfo.InvariantCulture)}" + (showHeartbeats ? "&heartbeats=on" : "");
        Navigation.NavigateTo(Navigation.BaseUri + "?" + query, replace: true);
    }

    // The space-time diagram's heartbeats, shown or hidden: the run stays, the pictures are drawn again.
    private void ChangeHeartbeats(ChangeEventArgs e)
    {
        showHeartbeats = e.Value is true;
        viewStale = true;
        WriteUrl();
    }

    private void ChangeScenario(ChangeEventArgs e)
    {
        scenarioName = e.Value?.ToString() ?? scenarioName;
        faults = null;
        quorum = null;
        margin = null;
        tokens = null;
        Rerun();
    }

    private void ChangeSeed(ChangeEventArgs e)
    {
        if (long.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            seed = value;
            Rerun();
        }
        else
        {
            error = "A seed is a whole number.";
        }
    }

    private void ChangeFencing(ChangeEventArgs e)
    {
        fencing = e.Value?.ToString() == "on";
        Rerun();
    }

    // A switch that follows fencing unless set: "" (as fencing), "on" or "off".
    private static string OnOff(bool? value) => value switch { true => "on", false => "off", null => "" };

    private static bool? Switch(ChangeEventArgs e) => (e.Value?.ToString()) switch { "on" => true, "off" => false, _ => null };

    private void ChangeMargin(ChangeEventArgs e)
    {
        margin = Switch(e);
        Rerun();
    }

    private void ChangeTokens(ChangeEventArgs e)
    {
        tokens = Switch(e);
        Rerun();
    }

    private void ChangeQuorum(ChangeEventArgs e)
    {
        string text = e.Value?.ToString() ?? "";
        quorum = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int votes) ? votes : null;
        Rerun();
    }

    private void MoveFault(int index, TimeSpan by)
    {
        var list = Faults.ToList();
        var moved = list[index].At + by;
        list[index] = list[index] with { At = moved < TimeSpan.Zero ? TimeSpan.Zero : moved };
        faults = list;
        Rerun();
    }

    private void RemoveFault(int index)
    {
        var list = Faults.ToList();
        list.RemoveAt(index);
        faults = list;
        Rerun();
    }

    private void AddFault()
    {
        try
        {
            var added = FaultSchedule.Parse(newFault);
            faults = Faults.Concat(added).ToList();
            newFault = "";
            Rerun();
        }
        catch (ArgumentException bad)
        {
            error = bad.Message.Split(" (Parameter")[0];
        }
    }

    private void ResetFaults()
    {
        faults = null;
        Rerun();
    }

    private void Scrub(int to)
    {
        if (run is null)
        {
            return;
        }

        step = Math.Clamp(to, 0, Math.Max(run.LastStep, 0));
        WriteUrl();
    }

    // The scrubber moved (TimeControls has re-rendered itself; this page does not re-render): the URL and the pictures follow.
    private void Scrubbed(int to)
    {
        direction = to < step ? -1 : 1;
        Scrub(to);
        _ = DrawPicturesAsync();
    }

    private double Percent(TimeSpan at) =>
        Math.Clamp(100 * at.TotalSeconds / Current.Duration.TotalSeconds, 0, 100);

    private async Task Explore()
    {
        try
        {
            explorer = new PageExplorer(Current, fencing, quorum, exploreCount, margin: margin, tokens: tokens);
        }
        catch (ArgumentException bad)
        {
            error = bad.Message.Split(" (Parameter")[0];
            return;
        }

        explored = null;
        stopRequested = false;
        while (!explorer.Finished && !stopRequested)
        {
            explorer.RunBatch();
            StateHasChanged();
            await Task.Delay(1); // let the page draw the progress bar and hear the stop button
        }

        explored = explorer.Result();
        exploreStopped = !explorer.Finished;
        explorer = null;
        if (explored.ShrunkSchedule is { } shrunk && explored.FirstViolatingSeed is { } found)
        {
            seed = found;
            faults = shrunk.ToList();
            Rerun();
            if (run?.FirstBreak is { } broken)
            {
                Scrub(broken);
            }
        }
    }
}
