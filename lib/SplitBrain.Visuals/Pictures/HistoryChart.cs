using System.Globalization;

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
    public static PlotFigure Draw(History history, LinearizabilityResult? result = null, IReadOnlyList<TraceEntry>? trace = null, Func<Operation, string>? describe = null)
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
        var traces = new List<PlotTrace>();
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

            traces.Add(new PlotTrace
            {
                Type = "bar",
                Orientation = "h",
                Name = name,
                Y = ops.Select(o => (object?)Lane(o)).ToArray(),
                Base = ops.Select(o => (object?)Start(o)).ToArray(),
                X = ops.Select(o => (object?)Math.Max((Finish(o) ?? end) - Start(o), timed ? 0.002 : 0.2)).ToArray(),
                Text = ops.Select(o => (string?)Label(o)).ToArray(),
                TextPosition = "inside",
                HoverText = ops.Select(o => (string?)describe(o)).ToArray(),
                HoverInfo = "text",
                Marker = new PlotMarker(color),
                Opacity = opacity,
            });
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
            traces.Add(new PlotTrace
            {
                Mode = "markers+lines",
                Name = result.Verdict == Verdict.Linearizable ? "the order a single copy follows" : "the longest order that works",
                X = points.Select(p => (object?)p.At).ToArray(),
                Y = points.Select(p => (object?)Lane(p.Operation)).ToArray(),
                HoverText = points.Select((p, i) => (string?)$"{i + 1}. {describe(p.Operation)}").ToArray(),
                HoverInfo = "text",
                Marker = new PlotMarker("black", 9, "diamond"),
                Line = new PlotLine("black", 1, "dot"),
            });
        }

        var windows = trace is null ? [] : LeadershipHistory.SplitBrainWindows(trace);
        var shapes = windows.Select(w => new PlotShape
        {
            X0 = w.From.TotalSeconds, X1 = w.Until.TotalSeconds, FillColor = Palette.SplitBrain, Opacity = 0.12,
            Line = new PlotLine(Palette.SplitBrain, 1, "dot"), Layer = "below",
        }).ToArray();
        var labels = windows.Select(w => new PlotAnnotation
        {
            X = (w.From + w.Until).TotalSeconds / 2, Y = 1, YAnchor = "bottom",
            Text = "two leaders", Font = new PlotFont(Palette.SplitBrain, 12),
        }).ToArray();

        string heading = result.Verdict switch
        {
            Verdict.Linearizable => $"What the clients saw: linearizable ({history.Count} operations)",
            Verdict.NotLinearizable => $"What the clients saw: NOT linearizable; in red, the operation no single copy could have answered",
            _ => $"What the clients saw: undecided ({result.UnknownReason})",
        };
        var lanes = history.Operations.Select(o => o.Process).Distinct().Order().Select(p => $"process {p}").ToArray();
        return new PlotFigure(traces, new PlotLayout
        {
            Title = new PlotTitle(heading),
            XAxis = new PlotAxis { Title = new PlotTitle(timed ? "virtual time (s)" : "event"), ZeroLine = false },
            YAxis = new PlotAxis { Type = "category", CategoryOrder = "array", CategoryArray = lanes, AutoRange = "reversed" },
            BarMode = "overlay",
            Height = Math.Max(260, 110 + (45 * lanes.Length)),
            HoverMode = "closest",
            Shapes = shapes,
            Annotations = labels,
            Margin = new Dictionary<string, int> { ["t"] = 80 },
        });
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
