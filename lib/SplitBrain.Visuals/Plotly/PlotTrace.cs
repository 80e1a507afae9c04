namespace SplitBrain.Visuals;

/// <summary>
/// One Plotly trace: a set of points or bars with their style. Only the attributes the course's charts use
/// are here; each property has the name Plotly gives it, lowercased when serialised.
/// </summary>
public sealed record PlotTrace
{
    /// <summary>The trace type: <c>"scatter"</c> or <c>"bar"</c>.</summary>
    public string Type { get; init; } = "scatter";

    /// <summary>The name shown in the legend.</summary>
    public string? Name { get; init; }

    /// <summary>For a scatter: <c>"lines"</c>, <c>"markers"</c>, <c>"lines+markers"</c>, <c>"text"</c>…</summary>
    public string? Mode { get; init; }

    /// <summary>The x values; a null breaks a line in two.</summary>
    public IReadOnlyList<object?>? X { get; init; }

    /// <summary>The y values; a null breaks a line in two.</summary>
    public IReadOnlyList<object?>? Y { get; init; }

    /// <summary>For a bar: where each bar starts on the value axis.</summary>
    public IReadOnlyList<object?>? Base { get; init; }

    /// <summary>For a bar: <c>"h"</c> for horizontal bars.</summary>
    public string? Orientation { get; init; }

    /// <summary>Text drawn on or beside each point or bar.</summary>
    public IReadOnlyList<string?>? Text { get; init; }

    /// <summary>Where <see cref="Text"/> goes, such as <c>"top center"</c> or <c>"inside"</c>.</summary>
    public string? TextPosition { get; init; }

    /// <summary>The font of <see cref="Text"/>.</summary>
    public PlotFont? TextFont { get; init; }

    /// <summary>What a learner reads when the mouse rests on each point.</summary>
    public IReadOnlyList<string?>? HoverText { get; init; }

    /// <summary>Which parts hover shows; <c>"text"</c> shows only <see cref="HoverText"/>, <c>"skip"</c> none.</summary>
    public string? HoverInfo { get; init; }

    /// <summary>The line's style.</summary>
    public PlotLine? Line { get; init; }

    /// <summary>The markers' style.</summary>
    public PlotMarker? Marker { get; init; }

    /// <summary>Whether the trace has a legend entry.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>Traces in one legend group show and hide together.</summary>
    public string? LegendGroup { get; init; }

    /// <summary>Opacity from 0 to 1.</summary>
    public double? Opacity { get; init; }
}
