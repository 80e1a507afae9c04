using System.Text.Json.Nodes;
using PuppeteerSharp;
using SplitBrain;
using Xunit.Abstractions;

namespace Playground.Tests;

/// <summary>
/// The playground in headless Chromium against the CLI: what a link shows, what the scrubber shows, what a moved
/// fault does to the URL, and what the in-page explorer finds. Each run in the page is the real lib/SplitBrain
/// compiled to WebAssembly, so every hash must be byte-identical to the native one.
/// </summary>
public sealed class BrowserTests(PlaygroundFixture playground, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    private const string BankLedgerSeed1 = "scenario=bank-ledger&seed=1&fencing=off";

    [PlaygroundFact]
    public async Task Part1_a_link_shows_the_same_trace_hash_and_verdict_as_course_run()
    {
        var cli = Course.Json("run", "bank-ledger", "--seed", "1", "--fencing", "off", "--json");
        await using var page = await playground.OpenAsync(BankLedgerSeed1);

        Assert.Equal(cli.GetProperty("traceHash").GetString(), await Text(page, "trace-hash"));
        string verdict = await Text(page, "verdict");
        Assert.Contains("no-overdraft", verdict, StringComparison.Ordinal);
        Assert.Contains(cli.GetProperty("violations")[0].GetProperty("message").GetString()!, await Text(page, "checker-message"), StringComparison.Ordinal);
    }

    [PlaygroundFact]
    public async Task Part1_a_link_with_margin_and_tokens_shows_the_same_trace_hash_as_course_run_with_those_knobs()
    {
        var cli = Course.Json("run", "clock-skew-lease", "--seed", "3", "--fencing", "off", "--margin", "on", "--tokens", "off", "--json");
        await using var page = await playground.OpenAsync("scenario=clock-skew-lease&seed=3&fencing=off&margin=on&tokens=off");

        Assert.Equal(cli.GetProperty("traceHash").GetString(), await Text(page, "trace-hash"));
        Assert.Equal("on", await ValueOf(page, "margin"));
        Assert.Equal("off", await ValueOf(page, "tokens"));
        Assert.Contains("--margin on --tokens off", await Text(page, "replay"), StringComparison.Ordinal);

        // The knob on screen is the knob in the URL: switch the margin back to "as fencing" and the link drops it.
        await page.SelectAsync("[data-testid=margin]", "");
        await page.WaitForFunctionAsync("() => !location.href.includes('margin=')", new WaitForFunctionOptions { PollingInterval = 50 });
        Assert.DoesNotContain("margin=", page.Url, StringComparison.Ordinal);
        Assert.Contains("tokens=off", page.Url, StringComparison.Ordinal);
        var plain = Course.Json("run", "clock-skew-lease", "--seed", "3", "--fencing", "off", "--tokens", "off", "--json");
        Assert.Equal(plain.GetProperty("traceHash").GetString(), await Text(page, "trace-hash"));
    }

    [PlaygroundFact]
    public async Task Part1_the_margin_and_tokens_knobs_show_only_for_scenarios_that_have_them()
    {
        await using var page = await playground.OpenAsync(BankLedgerSeed1);
        Assert.False(await page.EvaluateExpressionAsync<bool>("!!document.querySelector('[data-testid=margin]') || !!document.querySelector('[data-testid=tokens]')"));

        await using var gc = await playground.OpenAsync("scenario=gc-pause&seed=1&fencing=off&tokens=on");
        Assert.Equal("on", await ValueOf(gc, "tokens"));
        Assert.False(await gc.EvaluateExpressionAsync<bool>("!!document.querySelector('[data-testid=margin]')"));
        var cli = Course.Json("run", "gc-pause", "--seed", "1", "--fencing", "off", "--tokens", "on", "--json");
        Assert.Equal(cli.GetProperty("traceHash").GetString(), await Text(gc, "trace-hash"));
    }

    [PlaygroundFact]
    public async Task Part1_every_scenario_over_seeds_1_to_20_both_settings_has_the_native_trace_hash()
    {
        await using var page = await playground.OpenAsync(BankLedgerSeed1);
        int compared = 0;
        foreach (var scenario in Scenarios.All)
        {
            var options = new List<ScenarioOptions>();
            foreach (bool fencing in new[] { false, true })
            {
                for (long seed = 1; seed <= 20; seed++)
                {
                    options.Add(new ScenarioOptions { Seed = seed, Fencing = fencing });
                }
            }

            string[] queries = options.Select(o => RunLink.Query(scenario.Name, o)).ToArray();
            string[] browser = await page.EvaluateFunctionAsync<string[]>(
                "queries => DotNet.invokeMethodAsync('SplitBrain.Playground', 'TraceHashes', queries)", [queries]);
            for (int k = 0; k < queries.Length; k++)
            {
                string native = scenario.Run(options[k]).TraceHash;
                Assert.True(native == browser[k], $"{queries[k]}: native {native}, browser {browser[k]}");
                compared++;
            }
        }

        output.WriteLine($"{compared} runs, every trace hash byte-identical in the browser");
        Assert.Equal(Scenarios.All.Count * 40, compared);
    }

    [PlaygroundFact]
    public async Task Part2_scrubbing_to_the_violating_event_shows_the_broken_invariant_with_the_checkers_message()
    {
        var native = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1 });
        var overdraft = native.Violations.First(v => v.Breaks(Checkers.NoOverdraft));
        await using var page = await playground.OpenAsync(BankLedgerSeed1);

        await Click(page, "step-first");
        Assert.Equal("holds", await ClassOf(page, "invariant-no-overdraft"));
        await Click(page, "to-break");
        int clicks = 0;
        while (await ClassOf(page, "invariant-no-overdraft") != "broken")
        {
            Assert.True(++clicks < 200, "no-overdraft never turned red within 200 steps of the first break");
            await Click(page, "step-forward");
        }

        Assert.Contains(overdraft.Message, await Text(page, "invariant-no-overdraft"), StringComparison.Ordinal);
        Assert.Equal(overdraft.Events[^1].ToString(), await Text(page, "line"));
        Assert.Contains("step=" + await Text(page, "step"), page.Url, StringComparison.Ordinal);
        await Click(page, "step-back");
        Assert.Equal("holds", await ClassOf(page, "invariant-no-overdraft"));
    }

    [PlaygroundFact]
    public async Task Part2_the_history_picture_is_the_lessons_own_with_the_checkers_verdict()
    {
        var native = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1 });
        string expected = JsonNode.Parse(SplitBrain.Visuals.FigureJson.Of(SplitBrain.Visuals.Pictures.History(native)))!["layout"]!["title"]!["text"]!.GetValue<string>();
        Assert.Contains("NOT linearizable", expected, StringComparison.Ordinal);
        await using var page = await playground.OpenAsync(BankLedgerSeed1);

        await Click(page, "step-first");
        await page.WaitForFunctionAsync("() => document.getElementById('history').layout !== undefined", new WaitForFunctionOptions { PollingInterval = 50 });
        Assert.Equal(expected, await page.EvaluateFunctionAsync<string>("() => document.getElementById('history').layout.title.text"));
        Assert.Contains("cannot be placed", await page.EvaluateFunctionAsync<string[]>("() => document.getElementById('history').data.map(t => t.name)"));

        // The figures come without Plotly.NET's template, sent once: the page puts it back, so each chart has the lesson's
        // (at the last step, where every chart has something to draw: an empty one is Plotly.NET's invisible chart).
        await Click(page, "step-last");
        var template = JsonNode.Parse(SplitBrain.Visuals.FigureJson.TemplateOf(SplitBrain.Visuals.Pictures.History(native))!);
        foreach (string chart in new[] { "history", "spacetime", "leaders", "balances" })
        {
            string drawn = await page.EvaluateFunctionAsync<string>($"() => JSON.stringify(document.getElementById('{chart}').layout.template) || 'none'");
            Assert.True(drawn != "none" && JsonNode.DeepEquals(template, JsonNode.Parse(drawn)), $"the {chart} chart's template is Plotly.NET's");
        }
    }

    [PlaygroundFact]
    public async Task Part2_the_show_heartbeats_box_draws_the_lessons_space_time_diagram_with_or_without_heartbeats_and_the_url_keeps_it()
    {
        var native = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1 });
        var lines = native.Trace.Entries;
        int nativeHidden = Arrows(SplitBrain.Visuals.Pictures.SpaceTime(lines, new SplitBrain.Visuals.SpaceTimeOptions { Hide = [nameof(Heartbeat), nameof(HeartbeatAck)] }));
        int nativeShown = Arrows(SplitBrain.Visuals.Pictures.SpaceTime(lines));
        int heartbeats = lines.Count(l => l.Kind is TraceKind.Deliver or TraceKind.Drop && l.Detail is Heartbeat or HeartbeatAck);
        Assert.True(nativeHidden < nativeShown, $"{nativeHidden} arrows without heartbeats, {nativeShown} with");
        await using var page = await playground.OpenAsync(BankLedgerSeed1);

        // The default view: heartbeats hidden, and the title says how many.
        await page.WaitForFunctionAsync("() => document.getElementById('spacetime').data !== undefined", new WaitForFunctionOptions { PollingInterval = 50 });
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.querySelector('[data-testid=show-heartbeats]').checked"));
        Assert.Equal(nativeHidden, await DrawnArrows(page));
        Assert.Contains($"{heartbeats} heartbeats hidden", await SpaceTimeTitle(page), StringComparison.Ordinal);
        Assert.DoesNotContain("heartbeats=", page.Url, StringComparison.Ordinal);

        // Ticked: every arrow, and the link says so.
        await page.ClickAsync("[data-testid=show-heartbeats]");
        await page.WaitForFunctionAsync(ArrowsAre, new WaitForFunctionOptions { PollingInterval = 50 }, nativeShown);
        Assert.DoesNotContain("hidden", await SpaceTimeTitle(page), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => location.href.includes('heartbeats=on')", new WaitForFunctionOptions { PollingInterval = 50 });
        output.WriteLine($"{nativeHidden} arrows with heartbeats hidden, {nativeShown} shown; {page.Url}");

        // The link reproduces the view.
        await using var shared = await playground.Browser.NewPageAsync();
        shared.DefaultTimeout = 120_000;
        await shared.BringToFrontAsync(); // the page draws after a frame is painted, and a page in the background paints none
        await shared.GoToAsync(page.Url);
        await shared.WaitForFunctionAsync("() => document.body.hasAttribute('data-drawn-step')", new WaitForFunctionOptions { PollingInterval = 50 });
        Assert.True(nativeShown == await DrawnArrows(shared), $"{await DrawnArrows(shared)} arrows drawn, title {await SpaceTimeTitle(shared)}, url {shared.Url}");
        Assert.True(await shared.EvaluateExpressionAsync<bool>("document.querySelector('[data-testid=show-heartbeats]').checked"));

        // Unticked again: back to the default view and a link without the key.
        await shared.ClickAsync("[data-testid=show-heartbeats]");
        await shared.WaitForFunctionAsync(ArrowsAre, new WaitForFunctionOptions { PollingInterval = 50 }, nativeHidden);
        await shared.WaitForFunctionAsync("() => !location.href.includes('heartbeats=')", new WaitForFunctionOptions { PollingInterval = 50 });
    }

    [PlaygroundFact]
    public async Task Part3_moving_a_fault_changes_the_url_which_reproduces_the_run_and_its_faults_text_gives_the_same_hash_in_the_cli()
    {
        await using var page = await playground.OpenAsync(BankLedgerSeed1);
        string before = await Text(page, "trace-hash");
        string url = page.Url;

        await page.ClickAsync("[data-testid=fault-later-0]");
        await page.WaitForFunctionAsync("old => document.querySelector('[data-testid=trace-hash]').textContent !== old", new WaitForFunctionOptions { PollingInterval = 50 }, before);
        string moved = await Text(page, "trace-hash");
        string faults = await Text(page, "faults-text");
        output.WriteLine($"moved: {faults} -> {moved}; {page.Url}");
        Assert.NotEqual(url, page.Url);
        Assert.Contains("faults=", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("t=1.2s partition", faults, StringComparison.Ordinal);

        await using var shared = await playground.Browser.NewPageAsync();
        shared.DefaultTimeout = 120_000;
        await shared.GoToAsync(page.Url);
        await shared.WaitForSelectorAsync("[data-testid=trace-hash]");
        Assert.Equal(moved, await Text(shared, "trace-hash"));

        var cli = Course.Json("run", "bank-ledger", "--seed", "1", "--fencing", "off", "--faults", faults, "--json");
        Assert.Equal(moved, cli.GetProperty("traceHash").GetString());
    }

    [PlaygroundFact]
    public async Task Part4_the_in_page_explorer_reports_the_same_first_violating_seed_and_shrunk_schedule_as_course_explore()
    {
        var cli = Course.Json("explore", "bank-ledger", "--fencing", "off", "--json");
        await using var page = await playground.OpenAsync(BankLedgerSeed1);

        await page.EvaluateExpressionAsync(
            "(() => { const n = document.querySelector('[data-testid=explore-count]'); n.value = '10000'; n.dispatchEvent(new Event('change', { bubbles: true })); })()");
        await page.ClickAsync("[data-testid=explore]");
        await page.WaitForSelectorAsync("[data-testid=explore-result]");

        Assert.Equal(cli.GetProperty("firstViolatingSeed").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await Text(page, "explore-seed"));
        string shrunk = string.Join("; ", cli.GetProperty("shrunkSchedule").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(shrunk, await Text(page, "explore-shrunk"));
        await page.WaitForFunctionAsync("hash => document.querySelector('[data-testid=trace-hash]').textContent === hash", new WaitForFunctionOptions { PollingInterval = 50 }, cli.GetProperty("replayTraceHash").GetString());
        Assert.Contains($"seed={cli.GetProperty("firstViolatingSeed").GetInt64()}", page.Url, StringComparison.Ordinal);
    }

    [PlaygroundFact]
    public async Task Part2_after_scrubbing_back_and_forth_each_picture_is_the_lessons_own_for_the_run_up_to_the_scrubbed_step()
    {
        var native = Scenarios.Run("bank-ledger", new ScenarioOptions { Seed = 1 });
        var lines = native.Trace.Entries;
        await using var page = await playground.OpenAsync(BankLedgerSeed1);

        // Forward by events, back a step, forward again: the page builds steps ahead and keeps built ones, and what
        // it draws must still be the picture of exactly the trace up to the step on screen.
        await Click(page, "step-first");
        await Click(page, "to-break");
        for (int k = 0; k < 3; k++)
        {
            await Click(page, "step-forward-event");
        }

        await Click(page, "step-back");
        await Click(page, "step-forward");
        await Click(page, "step-forward");
        int step = int.Parse(await Text(page, "step"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(step, 1, lines.Count - 2);
        output.WriteLine($"comparing the pictures at step {step} of {lines.Count - 1} (t={lines[step].Time.TotalSeconds} s)");
        var upTo = lines.Take(step + 1).ToArray();
        var now = upTo[^1].Time;
        var expected = new Dictionary<string, Plotly.NET.GenericChart>
        {
            ["spacetime"] = SplitBrain.Visuals.Pictures.SpaceTime(upTo, new SplitBrain.Visuals.SpaceTimeOptions { Hide = [nameof(Heartbeat), nameof(HeartbeatAck)] }),
            ["leaders"] = SplitBrain.Visuals.LeadershipTimeline.Draw(upTo, null, now),
            ["balances"] = SplitBrain.Visuals.BalanceChart.Draw(SplitBrain.Visuals.BankBalances.FromTrace(upTo, native.Figures[RunFigure.InitialBalance]), now),
        };
        foreach (var (id, chart) in expected)
        {
            var want = JsonNode.Parse(SplitBrain.Visuals.FigureJson.Of(chart))!["data"]!.AsArray();
            var drawn = JsonNode.Parse(await page.EvaluateFunctionAsync<string>(
                "id => JSON.stringify(document.getElementById(id).data.map(t => ({ name: t.name, x: t.x, y: t.y })))", id))!.AsArray();
            Assert.True(want.Count == drawn.Count, $"{id} at step {step}: {drawn.Count} traces drawn, the lesson's picture has {want.Count}");
            for (int t = 0; t < want.Count; t++)
            {
                Assert.Equal(want[t]!["name"]?.GetValue<string>(), drawn[t]!["name"]?.GetValue<string>());
                foreach (string axis in new[] { "x", "y" })
                {
                    Assert.True(SameValues(want[t]![axis], drawn[t]![axis]), $"{id} at step {step}, trace {want[t]!["name"]}, {axis}: drawn {drawn[t]![axis]?.ToJsonString()[..Math.Min(200, drawn[t]![axis]?.ToJsonString().Length ?? 0)]}, the lesson's {want[t]![axis]?.ToJsonString()[..Math.Min(200, want[t]![axis]?.ToJsonString().Length ?? 0)]}");
                }
            }
        }
    }

    // Two JSON values the same, numbers compared as numbers (C# and JavaScript write some doubles differently).
    private static bool SameValues(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is JsonArray left && b is JsonArray right)
        {
            return left.Count == right.Count && left.Zip(right).All(pair => SameValues(pair.First, pair.Second));
        }

        if (a is JsonValue x && b is JsonValue y && x.TryGetValue(out double p) && y.TryGetValue(out double q))
        {
            return Math.Abs(p - q) <= 1e-9 * Math.Max(1, Math.Abs(p));
        }

        return a.ToJsonString() == b.ToJsonString();
    }

    // The message arrows (delivered and lost) of a space-time figure, each drawn as three points: from, to, and a gap.
    private const string CountArrows = "data => data.filter(t => t.name === 'delivered message' || t.name === 'lost message').reduce((n, t) => n + t.x.length / 3, 0)";

    private const string ArrowsAre = "n => { const d = document.getElementById('spacetime').data; return d !== undefined && (" + CountArrows + ")(d) === n; }";

    private static int Arrows(Plotly.NET.GenericChart chart)
    {
        var data = JsonNode.Parse(SplitBrain.Visuals.FigureJson.Of(chart))!["data"]!.AsArray();
        return data.Where(t => t!["name"]?.GetValue<string>() is "delivered message" or "lost message").Sum(t => t!["x"]!.AsArray().Count / 3);
    }

    private static Task<int> DrawnArrows(IPage page) =>
        page.EvaluateFunctionAsync<int>("() => (" + CountArrows + ")(document.getElementById('spacetime').data)");

    private static Task<string> SpaceTimeTitle(IPage page) =>
        page.EvaluateFunctionAsync<string>("() => document.getElementById('spacetime').layout.title.text");

    private static Task<string> Text(IPage page, string id) =>
        page.EvaluateFunctionAsync<string>("id => document.querySelector(`[data-testid=\"${id}\"]`).textContent.trim()", id);

    private static Task<string> ValueOf(IPage page, string id) =>
        page.EvaluateFunctionAsync<string>("id => document.querySelector(`[data-testid=\"${id}\"]`).value", id);

    private static Task<string> ClassOf(IPage page, string id) =>
        page.EvaluateFunctionAsync<string>("id => document.querySelector(`[data-testid=\"${id}\"]`).className", id);

    // Clicks, then waits until Blazor has drawn the new step (the picture script marks the step it drew).
    private static async Task Click(IPage page, string id)
    {
        await page.ClickAsync($"[data-testid={id}]");
        await page.WaitForFunctionAsync(
            "() => document.body.getAttribute('data-drawn-step') === document.querySelector('[data-testid=step]').textContent",
            new WaitForFunctionOptions { PollingInterval = 20 });
    }
}
