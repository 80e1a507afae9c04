using System.Globalization;
using Plotly.NET;
using SplitBrain.Visuals;

namespace SplitBrain.Playground;

/// <summary>
/// The lessons' own pictures (<see cref="Pictures"/> in SplitBrain.Visuals) of a run cut at the scrubbed moment:
/// the space-time diagram, the leadership timeline and, for a bank run, the balances, each drawn from the trace up
/// to and including the scrubbed step; and, for a run whose clients keep a history, what the clients saw, checked
/// for linearizability (the whole run's history, drawn once per run: the page marks the scrubbed moment on it). Each comes out as the plotly.js figure JSON of
/// <see cref="FigureJson.Of"/> (the figure <c>GenericChart.toJson</c> gives), which playground.js hands to <c>Plotly.react</c> as it is.
/// </summary>
/// <remarks>
/// Only this class touches SplitBrain.Visuals and Plotly.NET: the page loads those assemblies lazily, after the
/// first verdict is on screen (see the project file), and calls in here only once they have loaded.
/// </remarks>
public static class ScrubbedPictures
{
    /// <summary>The assemblies this class needs, loaded on demand by the page.</summary>
    public static readonly IReadOnlyList<string> Assemblies =
    [
        "SplitBrain.Visuals.wasm", "Plotly.NET.wasm", "Plotly.NET.CSharp.wasm", "FSharp.Core.wasm", "DynamicObj.wasm",
        "Newtonsoft.Json.wasm", "Giraffe.ViewEngine.wasm",
    ];

    /// <summary>
    /// The figures of <paramref name="run"/> up to <paramref name="step"/>, in the order space-time, leadership,
    /// balances, history; the balances are null when the run has no bank, the history when its clients keep none.
    /// </summary>
    /// <param name="run">A finished run.</param>
    /// <param name="step">The scrubbed step: the figures show trace lines 0 to <paramref name="step"/>.</param>
    public static string?[] Json(PlayerRun run, int step)
    {
        ArgumentNullException.ThrowIfNull(run);
        var upTo = new ArraySegment<TraceEntry>(run.Lines.ToArray(), 0, Math.Clamp(step + 1, 0, run.Lines.Count));
        TimeSpan now = upTo.Count == 0 ? TimeSpan.Zero : upTo[^1].Time;
        var spaceTime = Pictures.SpaceTime(upTo, new SpaceTimeOptions
        {
            Title = $"Space-time diagram up to t={now.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s: one lane per node, an arrow per message",
        });
        var leadership = LeadershipTimeline.Draw(upTo, null, now);
        string? balances = null;
        if (run.Lines.Any(l => l.Detail is StoreReply or SetBalance))
        {
            long opening = run.Result.Figures.TryGetValue(RunFigure.InitialBalance, out long value) ? value : BankStory.OpeningBalance;
            balances = FigureJson.Of(BalanceChart.Draw(BankBalances.FromTrace(upTo, opening), now));
        }

        return [FigureJson.Of(spaceTime), FigureJson.Of(leadership), balances, HistoryJson(run)];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PlayerRun, string> Histories = new();

    /// <summary>What the clients of <paramref name="run"/> saw (<see cref="Pictures.History(ScenarioResult)"/>), checked once per run; null when they keep no history.</summary>
    private static string? HistoryJson(PlayerRun run)
    {
        if (run.Result.History is null)
        {
            return null;
        }

        return Histories.GetValue(run, r => FigureJson.Of(Pictures.History(r.Result)));
    }
}
