namespace SplitBrain.Visuals;

/// <summary>Everything around the data: title, axes, size, shapes and labels.</summary>
public sealed record PlotLayout
{
    /// <summary>The chart's title.</summary>
    public PlotTitle? Title { get; init; }

    /// <summary>The horizontal axis.</summary>
    public PlotAxis? XAxis { get; init; }

    /// <summary>The vertical axis.</summary>
    public PlotAxis? YAxis { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Whether the legend shows.</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>How bars at one place combine: <c>"overlay"</c>, <c>"group"</c>, <c>"stack"</c>.</summary>
    public string? BarMode { get; init; }

    /// <summary><c>"closest"</c> to show the point under the mouse.</summary>
    public string? HoverMode { get; init; }

    /// <summary>Rectangles and lines drawn with the data.</summary>
    public IReadOnlyList<PlotShape>? Shapes { get; init; }

    /// <summary>Text labels.</summary>
    public IReadOnlyList<PlotAnnotation>? Annotations { get; init; }

    /// <summary>Margins in pixels: keys <c>l</c>, <c>r</c>, <c>t</c>, <c>b</c>.</summary>
    public IReadOnlyDictionary<string, int>? Margin { get; init; }
}
