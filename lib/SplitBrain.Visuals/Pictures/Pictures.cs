using Plotly.NET;

namespace SplitBrain.Visuals;

/// <summary>
/// Every picture of a run in one place, so a learner can type <c>Pictures.</c> and see them all.
/// The charts are Plotly.NET charts, which a notebook draws through Plotly.NET.Interactive; the tables show once
/// <see cref="Lesson.Setup"/> has run. For a static page, <see cref="ChartHtml.Fragment"/> gives a chart's HTML.
/// </summary>
public static class Pictures
{
    /// <summary>The space-time diagram: one lane per node, an arrow per message. See <see cref="SpaceTimeDiagram"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="options">Which part to show; null: all of it.</param>
    public static GenericChart SpaceTime(IReadOnlyList<TraceEntry> trace, SpaceTimeOptions? options = null) =>
        SpaceTimeDiagram.Draw(trace, options);

    /// <summary>Who led which term, when; overlapping bars are the split-brain window. See <see cref="LeadershipTimeline"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    /// <param name="title">The chart title; null: one that states the overlap.</param>
    public static GenericChart Leadership(IReadOnlyList<TraceEntry> trace, string? title = null) =>
        LeadershipTimeline.Draw(trace, title);

    /// <summary>Who led which term in a scenario run, up to the end of the run.</summary>
    /// <param name="result">A finished scenario run.</param>
    /// <param name="title">The chart title; null: one that states the overlap.</param>
    public static GenericChart Leadership(ScenarioResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithRun(LeadershipTimeline.Draw(result.Trace, title, result.Simulation.Now), result);
    }

    /// <summary>The balance each side believes over time. See <see cref="BalanceChart"/>.</summary>
    /// <param name="points">Each side's balance each time it changed.</param>
    /// <param name="end">Where the lines stop; null: at the last point.</param>
    public static GenericChart Balance(IEnumerable<BalancePoint> points, TimeSpan? end = null) =>
        BalanceChart.Draw(points, end);

    /// <summary>The bank's balance as the store, each server and the cash desk saw it. See <see cref="BankBalances"/>.</summary>
    /// <param name="result">A bank-ledger run.</param>
    public static GenericChart Balance(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithRun(BalanceChart.Draw(BankBalances.FromTrace(result.Trace, BankBalances.OpeningOf(result)), result.Simulation.Now), result);
    }

    /// <summary>What the clients saw: operation bars per process, the checker's order, the operation that cannot be placed in red. See <see cref="HistoryChart"/>.</summary>
    /// <param name="history">A history.</param>
    /// <param name="result">Its check; null to check it here.</param>
    public static GenericChart History(History history, LinearizabilityResult? result = null) => HistoryChart.Draw(history, result);

    /// <summary>What the clients of a scenario run saw, with the run's split-brain windows shaded behind.</summary>
    /// <param name="result">A run of a scenario whose clients keep a history.</param>
    /// <exception cref="ArgumentException">The scenario keeps no history.</exception>
    public static GenericChart History(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var history = result.History ?? throw new ArgumentException($"The scenario {result.Scenario.Name} keeps no client history.", nameof(result));
        return WithRun(HistoryChart.Draw(history, null, result.Trace), result);
    }

    /// <summary>A run at a glance: verdict, figures and the replay command. See <see cref="ResultCard"/>.</summary>
    /// <param name="result">A finished scenario run.</param>
    public static HtmlFragment Summary(ScenarioResult result) => ResultCard.Of(result);

    /// <summary>The writes stores accepted and refused, with their tokens. See <see cref="WritesTable"/>.</summary>
    /// <param name="trace">The run's trace.</param>
    public static HtmlFragment Writes(IEnumerable<TraceEntry> trace) => WritesTable.Of(trace);

    /// <summary>The trace as a table, at most <paramref name="maxRows"/> rows. See <see cref="TraceTable"/>.</summary>
    /// <param name="trace">The lines to show.</param>
    /// <param name="maxRows">The most rows.</param>
    public static HtmlFragment Table(IEnumerable<TraceEntry> trace, int maxRows = TraceTable.DefaultMaxRows) =>
        TraceTable.Of(trace, maxRows);

    /// <summary>Which sides of each split can write. See <see cref="WhoCanWriteChart"/>.</summary>
    /// <param name="outcomes">The splits to show.</param>
    public static GenericChart WhoCanWrite(IEnumerable<SplitOutcome> outcomes) => WhoCanWriteChart.Draw(outcomes);

    /// <summary>The term each node knows over time: a generation clock. See <see cref="TermsChart"/>.</summary>
    /// <param name="result">A finished run of a scenario with elections.</param>
    /// <param name="title">The chart title.</param>
    public static GenericChart Terms(ScenarioResult result, string title = "The term each node knows")
    {
        ArgumentNullException.ThrowIfNull(result);
        return WithRun(TermsChart.Draw(result.Trace, result.Simulation.Now, title), result);
    }

    // A picture of a whole run of a course scenario carries the run's link query in its layout's meta
    // (ResultCard.RunMetaKey), as the summary card does in an attribute, so a lesson page can link it to the playground.
    private static GenericChart WithRun(GenericChart chart, ScenarioResult result)
    {
        if (ResultCard.RunQuery(result) is { } query)
        {
            GenericChart.getLayout(chart).SetProperty("meta", new Dictionary<string, string> { [ResultCard.RunMetaKey] = query });
        }

        return chart;
    }

    /// <summary>An exploration's progress: schedules tried and violations found. See <see cref="ExploreProgressChart"/>.</summary>
    /// <param name="reports">The progress reports, in order.</param>
    public static GenericChart Progress(IEnumerable<ExploreProgress> reports) => ExploreProgressChart.Draw(reports);

    /// <summary>The split-brain window against clock skew, one line per safety margin, measured from runs. See <see cref="SkewWindowChart"/>.</summary>
    /// <param name="skews">The clock skews to try, in seconds.</param>
    /// <param name="margins">The safety margins to try, in seconds.</param>
    /// <param name="windowSeconds">The split-brain window of one run for (skew, margin), in seconds.</param>
    /// <param name="ttlSeconds">The lease's TTL in the runs.</param>
    public static GenericChart WindowBySkew(IReadOnlyList<double> skews, IReadOnlyList<double> margins, Func<double, double, double> windowSeconds, double ttlSeconds) =>
        SkewWindowChart.Draw(skews, margins, windowSeconds, ttlSeconds);
}
