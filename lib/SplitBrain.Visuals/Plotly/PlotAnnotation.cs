namespace SplitBrain.Visuals;

/// <summary>A text label on a chart.</summary>
public sealed record PlotAnnotation
{
    /// <summary>Where the label points, across.</summary>
    public double X { get; init; }

    /// <summary>Where the label points, up.</summary>
    public double Y { get; init; }

    /// <summary><c>"x"</c> for data units, <c>"paper"</c> for 0 to 1 across the plot.</summary>
    public string XRef { get; init; } = "x";

    /// <summary><c>"y"</c> for data units, <c>"paper"</c> for 0 to 1 up the plot.</summary>
    public string YRef { get; init; } = "paper";

    /// <summary>The label; Plotly allows <c>&lt;b&gt;</c> and <c>&lt;br&gt;</c>.</summary>
    public string Text { get; init; } = "";

    /// <summary>Whether an arrow joins the label to its point.</summary>
    public bool ShowArrow { get; init; }

    /// <summary>Which side of the point the label sits on: <c>"left"</c>, <c>"center"</c>, <c>"right"</c>.</summary>
    public string? XAnchor { get; init; }

    /// <summary>Which side of the point the label sits on: <c>"top"</c>, <c>"middle"</c>, <c>"bottom"</c>.</summary>
    public string? YAnchor { get; init; }

    /// <summary>What hover shows on the label.</summary>
    public string? HoverText { get; init; }

    /// <summary>The label's font.</summary>
    public PlotFont? Font { get; init; }
}
