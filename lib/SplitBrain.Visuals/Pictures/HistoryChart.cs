using System.Globalization;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace SplitBrain.Visuals;

/// <summary>
/// What the clients saw, drawn: one lane per client process, a bar for each operation from its invocation to its
/// completion (an indeterminate one runs faint to the end), a diamond where the checker placed it in its order, and,
/// when the history is not linearizable, the operation that cannot be placed in red. Split-brain windows (two leaders
/// at once) are shaded behind when the run's trace is given.
/// </summary>
/// <remarks>
/// A history read from a file without times is drawn on its event positions. The checker gives an order, not
/// instants; each diamond sits at the earliest moment that keeps the order and lies inside its operation's bar.
/// </remarks>
public static class HistoryChart
{
    /// <summary>Draws <paramref name="history"/> with the verdict <paramref name="result"/>.</summary>
    /// <param name="history">The history.</param>
    /// <param name="result">Its check; null to check it here against the model its operations call for.</param>
    /// <param name="trace">The run's trace, to shade the split-brain windows; null for none.</param>
    /// <param name="describe">Words for an operation; null for the model's own.</param>
    public static GenericChart Draw(History history, LinearizabilityResult? result = null, IReadOnlyList<TraceEntry>? trace = null, Func<Operation, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        result ??= history.Check();
        describe ??= o => o.ToString();
        bool timed = history.Operations.All(o => o.InvokedAt is not null);
        double Start(Operation o) => timed ? o.InvokedAt!.Value.TotalSeconds : o.Invoked;
        double? Finish(Operation o) => o.Outcome == OperationOutcome.Info ? null : timed ? o.CompletedAt?.TotalSeconds : o.Completed;
        double end = history.Operations.Select(o => Finish(o) ?? Start(o)).DefaultIfEmpty(0).Max();
        end += timed ? 0.2 : 2;

        var stuck = result.Failure?.Stuck;
        var parts = new List<GenericChart>();
        foreach (var (name, pick, color, opacity) in new (string, Func<Operation, bool>, string, double)[]
        {
            ("ok", o => o.Outcome == OperationOutcome.Ok && o != stuck, Palette.Accepted, 0.8),
            ("fail (no effect)", o => o.Outcome == OperationOutcome.Fail && o != stuck, Palette.Down, 0.6),
            ("info (indeterminate)", o => o.Outcome == OperationOutcome.Info && o != stuck, Palette.Message, 0.3),
            ("cannot be placed", o => o == stuck, Palette.SplitBrain, 0.95),
        })
        {
            var ops = history.Operations.Where(pick).ToArray();
            if (ops.Length == 0)
            {
                continue;
            }

            parts.Add(Chart.Bar<double, string, string>(
                    ops.Select(o => Math.Max((Finish(o) ?? end) - Start(o), timed ? 0.002 : 0.2)), Keys: ops.Select(Lane).ToArray(),
                    Name: name, Opacity: opacity,
                    MultiText: ops.Select(Label).ToArray(), TextPosition: StyleParam.TextPosition.Inside,
                    MarkerColor: ChartParts.Colour(color), UseDefaults: false)
                .WithTraceField("base", ops.Select(Start).ToArray())
                .WithHoverTexts(ops.Select(o => (string?)describe(o))));
        }

        var order = result.Verdict == Verdict.Linearizable ? result.Linearization : result.Failure?.Prefix ?? [];
        var points = new List<(Operation Operation, double At)>();
        double last = double.NegativeInfinity;
        foreach (var operation in order)
        {
            double at = Math.Max(Start(operation), last);
            points.Add((operation, at));
            last = at;
        }

        if (points.Count > 0)
        {
            parts.Add(Chart.Scatter<double, string, string>(points.Select(p => p.At), points.Select(p => Lane(p.Operation)), StyleParam.Mode.Lines_Markers,
                    Name: result.Verdict == Verdict.Linearizable ? "the order a single copy follows" : "the longest order that works",
                    MarkerColor: ChartParts.Colour("black"), MarkerSymbol: StyleParam.MarkerSymbol.Diamond,
                    LineColor: ChartParts.Colour("black"), LineWidth: 1, LineDash: StyleParam.DrawingStyle.Dot, UseDefaults: false)
                .WithHoverTexts(points.Select((p, i) => (string?)$"{i + 1}. {describe(p.Operation)}"))
                .WithMarkerField("size", 9));
        }

        var windows = trace is null ? [] : Leadership.SplitBrainWindows(trace);
        var shapes = windows.Select(w => ChartParts.Rect(w.From.TotalSeconds, w.Until.TotalSeconds, Palette.SplitBrain, 0.12,
            outline: ChartParts.Outline(Palette.SplitBrain, 1, "dot")));
        var labels = windows.Select(w => ChartParts.Label((w.From + w.Until).TotalSeconds / 2, 1, "two leaders",
            Palette.SplitBrain, 12, yAnchor: "bottom"));

        string heading = result.Verdict switch
        {
            Verdict.Linearizable => $"What the clients saw: linearizable ({history.Count} operations)",
            Verdict.NotLinearizable => "What the clients saw: NOT linearizable; in red, the operation no single copy could have answered",
            _ => $"What the clients saw: undecided ({result.UnknownReason})",
        };
        var lanes = history.Operations.Select(o => o.Process).Distinct().Order().Select(p => $"process {p}").ToArray();
        return ChartParts.Combine(parts).Around(heading,
            ChartParts.Axis(timed ? "virtual time (s)" : "event", zeroLine: false),
            ChartParts.Categories(lanes, reversed: true),
            height: Math.Max(260, 110 + (45 * lanes.Length)),
            shapes: shapes, labels: labels,
            margin: new Dictionary<string, int> { ["t"] = 80 },
            barMode: "overlay");
    }

    private static string Lane(Operation operation) => $"process {operation.Process}";

    private static string Label(Operation operation)
    {
        string result = operation.Outcome switch
        {
            OperationOutcome.Ok when operation.Function is "read" or "get" => " → " + Edn.Write(operation.Result),
            OperationOutcome.Fail => " ✗",
            OperationOutcome.Info => " ?",
            _ => "",
        };
        string argument = operation.Argument is null ? "" : " " + Edn.Write(operation.Argument);
        return string.Create(CultureInfo.InvariantCulture, $"{operation.Function}{argument}{result}");
    }
}
