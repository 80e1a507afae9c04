namespace SplitBrain.Visuals;

/// <summary>A rectangle or line drawn on a chart, for example the shaded split-brain window.</summary>
public sealed record PlotShape
{
    /// <summary><c>"rect"</c> or <c>"line"</c>.</summary>
    public string Type { get; init; } = "rect";

    /// <summary><c>"x"</c> to place <see cref="X0"/> and <see cref="X1"/> in data units, <c>"paper"</c> for 0 to 1 across the plot.</summary>
    public string XRef { get; init; } = "x";

    /// <summary><c>"y"</c> to place <see cref="Y0"/> and <see cref="Y1"/> in data units, <c>"paper"</c> for 0 to 1 up the plot.</summary>
    public string YRef { get; init; } = "paper";

    /// <summary>Left edge.</summary>
    public double X0 { get; init; }

    /// <summary>Right edge.</summary>
    public double X1 { get; init; }

    /// <summary>Bottom edge.</summary>
    public double Y0 { get; init; }

    /// <summary>Top edge.</summary>
    public double Y1 { get; init; } = 1;

    /// <summary>The fill colour of a rectangle.</summary>
    public string? FillColor { get; init; }

    /// <summary>Opacity from 0 to 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>The outline.</summary>
    public PlotLine? Line { get; init; }

    /// <summary><c>"below"</c> to draw under the data.</summary>
    public string? Layer { get; init; }
}
