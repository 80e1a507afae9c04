namespace SplitBrain.Visuals;

/// <summary>An axis of a chart.</summary>
public sealed record PlotAxis
{
    /// <summary>The axis title.</summary>
    public PlotTitle? Title { get; init; }

    /// <summary><c>"linear"</c> or <c>"category"</c>; Plotly guesses when null.</summary>
    public string? Type { get; init; }

    /// <summary><c>"array"</c> to order categories as <see cref="CategoryArray"/> lists them.</summary>
    public string? CategoryOrder { get; init; }

    /// <summary>The categories in the order to show them.</summary>
    public IReadOnlyList<string>? CategoryArray { get; init; }

    /// <summary>The values where ticks go.</summary>
    public IReadOnlyList<object>? TickVals { get; init; }

    /// <summary>The labels of the ticks in <see cref="TickVals"/>.</summary>
    public IReadOnlyList<string>? TickText { get; init; }

    /// <summary>A suffix on every tick label, such as <c>" s"</c>.</summary>
    public string? TickSuffix { get; init; }

    /// <summary>A prefix on every tick label, such as <c>"$"</c>.</summary>
    public string? TickPrefix { get; init; }

    /// <summary>True to fit the data, or <c>"reversed"</c> to fit it upside down (first lane on top).</summary>
    public object? AutoRange { get; init; }

    /// <summary>A fixed range [low, high].</summary>
    public IReadOnlyList<double>? Range { get; init; }

    /// <summary>Whether a line marks zero.</summary>
    public bool? ZeroLine { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; init; }
}
