using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace SplitBrain.Visuals;

/// <summary>
/// The few Plotly.NET pieces the pictures (these and the lab's) share: a layout (title, axes, size, shapes, labels) and the trace fields
/// the charts' C# bindings leave out. The charts themselves come from Plotly.NET.CSharp (<c>Chart.Scatter</c>,
/// <c>Chart.Bar</c>, <c>Chart.Combine</c>); this adds what goes around them.
/// </summary>
/// <remarks>
/// The one workaround, in one place: from C#, Plotly.NET 6's object builders (<c>Shape.init</c>, <c>Annotation.init</c>,
/// <c>LinearAxis.init</c>, <c>Chart.withLayoutStyle</c>, <c>Marker.init</c>, <c>Line.init</c>) take every F# option as a
/// required argument (28 to 90 of them), and Plotly.NET.CSharp 0.14 wraps only the charts and a few axis styles: it has
/// no per-point hover text, no base for each bar, no marker turned along its line (<c>angleref</c>), no step lines
/// (<c>line.shape</c>); and it writes <c>StyleParam.MarkerSymbol</c> as plotly.js's numeric codes ("4" for a cross),
/// where the figure's JSON should say <c>"x"</c>. So this class fills Plotly.NET's own objects (<see cref="Shape"/>, <see cref="Annotation"/>,
/// <see cref="LinearAxis"/>, <see cref="Layout"/>, the traces and their markers and lines) through their DynamicObj
/// fields, named as plotly.js names them, and hands them to <c>Chart.withShapes</c>, <c>Chart.withAnnotations</c>,
/// <c>Chart.withXAxis</c>, <c>Chart.withYAxis</c> and <c>Chart.withLayout</c>. Plotly.NET serialises them like any other.
/// </remarks>
public static class ChartParts
{
    /// <summary>A colour for Plotly.NET from a CSS colour of the <see cref="Palette"/>.</summary>
    public static Color Colour(string css) => Color.fromString(css);

    /// <summary>
    /// The charts drawn together on one plot (<c>Chart.Combine</c>), with Plotly.NET's defaults (its size, template,
    /// config and display options) applied once; an empty plot when there are none.
    /// </summary>
    /// <remarks>
    /// The pictures make their series with <c>UseDefaults: false</c>, and this adds the defaults back once, in front:
    /// the figure is the same as combining series that each carry the defaults, but <c>Chart.Combine</c> no longer
    /// merges one copy of the template per series (most of a picture's build in WebAssembly).
    /// </remarks>
    /// <param name="charts">Series made with <c>UseDefaults: false</c>.</param>
    public static GenericChart Combine(IEnumerable<GenericChart> charts)
    {
        var all = charts.ToArray();
        if (all.Length == 0)
        {
            return Plotly.NET.CSharp.Chart.Invisible();
        }

        // No traces, and a copy of Defaults' layout (600 × 600, the template), config and display options.
        var defaults = GenericChart.ofTraceObjects(true, Array.Empty<Plotly.NET.Trace>());
        var combined = Plotly.NET.CSharp.Chart.Combine(all.Prepend(defaults));
        return GenericChart.setDisplayOptions(GenericChart.getDisplayOptions(defaults), combined);
    }

    /// <summary>Sets a field on every trace of <paramref name="chart"/>, such as <c>hovertext</c> or <c>base</c>.</summary>
    public static GenericChart WithTraceField(this GenericChart chart, string name, object value)
    {
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty(name, value);
        }

        return chart;
    }

    /// <summary>What a learner reads when the mouse rests on each point, and nothing else.</summary>
    public static GenericChart WithHoverTexts(this GenericChart chart, IEnumerable<string?> texts) =>
        chart.WithTraceField("hovertext", texts.ToArray()).WithTraceField("hoverinfo", "text");

    /// <summary>Sets a field of the markers of every trace, such as <c>size</c> or <c>angleref</c>.</summary>
    public static GenericChart WithMarkerField(this GenericChart chart, string name, object value) =>
        chart.WithNestedField("marker", name, value);

    /// <summary>Sets a field of the line of every trace, such as <c>shape</c> (<c>"hv"</c>: hold each value until the next).</summary>
    public static GenericChart WithLineField(this GenericChart chart, string name, object value) =>
        chart.WithNestedField("line", name, value);

    /// <summary>
    /// A rectangle from <paramref name="x0"/> to <paramref name="x1"/> (in data units) and from <paramref name="y0"/> to
    /// <paramref name="y1"/>: with <paramref name="yRef"/> <c>"paper"</c>, 0 is the bottom of the plot and 1 the top; with
    /// <c>"y"</c>, data units. No outline unless given; drawn under the data when <paramref name="below"/>.
    /// </summary>
    public static Shape Rect(double x0, double x1, string fill, double opacity, double y0 = 0, double y1 = 1, string yRef = "paper", Plotly.NET.Line? outline = null, bool below = true)
    {
        var shape = Placed("rect", "x", yRef, x0, x1, y0, y1);
        shape.SetProperty("fillcolor", fill);
        shape.SetProperty("opacity", opacity);
        shape.SetProperty("line", outline ?? Outline(width: 0));
        if (below)
        {
            shape.SetProperty("layer", "below");
        }

        return shape;
    }

    /// <summary>A vertical line at <paramref name="x"/> from the bottom to the top of the plot.</summary>
    public static Shape VerticalLine(double x, Plotly.NET.Line line) => LineShape("x", "paper", x, x, 0, 1, line);

    /// <summary>A horizontal line at <paramref name="y"/> across the whole plot.</summary>
    public static Shape HorizontalLine(double y, Plotly.NET.Line line) => LineShape("paper", "y", 0, 1, y, y, line);

    // A straight line from (x0, y0) to (x1, y1); "paper" coordinates run from 0 to 1 across the plot.
    private static Shape LineShape(string xRef, string yRef, double x0, double x1, double y0, double y1, Plotly.NET.Line line)
    {
        var shape = Placed("line", xRef, yRef, x0, x1, y0, y1);
        shape.SetProperty("line", line);
        return shape;
    }

    // A shape of `type` placed from (x0, y0) to (x1, y1), its fields in the order plotly.js figures list them.
    private static Shape Placed(string type, string xRef, string yRef, double x0, double x1, double y0, double y1)
    {
        var shape = new Shape();
        shape.SetProperty("type", type);
        shape.SetProperty("xref", xRef);
        shape.SetProperty("yref", yRef);
        shape.SetProperty("x0", x0);
        shape.SetProperty("x1", x1);
        shape.SetProperty("y0", y0);
        shape.SetProperty("y1", y1);
        return shape;
    }

    /// <summary>The outline of a shape: colour, width in pixels, and <c>"solid"</c>, <c>"dash"</c> or <c>"dot"</c>.</summary>
    public static Plotly.NET.Line Outline(string? color = null, double width = 1, string? dash = null)
    {
        var line = new Plotly.NET.Line();
        if (color is not null)
        {
            line.SetProperty("color", color);
        }

        line.SetProperty("width", width);
        if (dash is not null)
        {
            line.SetProperty("dash", dash);
        }

        return line;
    }

    /// <summary>A text label at <paramref name="x"/> (data units, or 0 to 1 across with <paramref name="xRef"/> <c>"paper"</c>) and <paramref name="y"/> (0 to 1 up the plot).</summary>
    public static Annotation Label(double x, double y, string text, string? color = null, double? size = null,
        string? xAnchor = null, string? yAnchor = null, string? hover = null, string xRef = "x")
    {
        var label = new Annotation();
        label.SetProperty("x", x);
        label.SetProperty("y", y);
        label.SetProperty("xref", xRef);
        label.SetProperty("yref", "paper");
        label.SetProperty("text", text);
        label.SetProperty("showarrow", false);
        SetIf(label, "xanchor", xAnchor);
        SetIf(label, "yanchor", yAnchor);
        SetIf(label, "hovertext", hover);
        if (color is not null || size is not null)
        {
            label.SetProperty("font", Font.init(null, size, color is null ? null : Colour(color)));
        }

        return label;
    }

    /// <summary>An axis with a title; set more of its fields with <see cref="With"/>.</summary>
    public static LinearAxis Axis(string? title = null, bool? zeroLine = null)
    {
        var axis = new LinearAxis();
        if (title is not null)
        {
            axis.SetProperty("title", Title.init(title, null, null, null, null, null, null, null, null, null, null, null));
        }

        if (zeroLine is { } zero)
        {
            axis.SetProperty("zeroline", zero);
        }

        return axis;
    }

    /// <summary>A category axis listing <paramref name="categories"/> in this order, the first at the top when <paramref name="reversed"/>.</summary>
    public static LinearAxis Categories(IEnumerable<string> categories, bool reversed, string? title = null)
    {
        var axis = Axis(title);
        axis.SetProperty("type", "category");
        axis.SetProperty("categoryorder", "array");
        axis.SetProperty("categoryarray", categories.ToArray());
        if (reversed)
        {
            axis.SetProperty("autorange", "reversed");
        }

        return axis;
    }

    /// <summary>Sets one more plotly.js field of an axis, such as <c>tickprefix</c> or <c>range</c>.</summary>
    public static LinearAxis With(this LinearAxis axis, string name, object value)
    {
        axis.SetProperty(name, value);
        return axis;
    }

    /// <summary>
    /// Puts the title, both axes, the height, the shapes and the labels around <paramref name="chart"/>. Hover shows the
    /// point under the mouse; the chart fills the width it is given.
    /// </summary>
    /// <param name="chart">The traces.</param>
    /// <param name="title">The chart title.</param>
    /// <param name="x">The horizontal axis.</param>
    /// <param name="y">The vertical axis.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="shapes">Rectangles and lines drawn with the data.</param>
    /// <param name="labels">Text labels.</param>
    /// <param name="margin">Margins in pixels: keys <c>l</c>, <c>r</c>, <c>t</c>, <c>b</c>.</param>
    /// <param name="barMode"><c>"overlay"</c> to draw bars at one place over each other.</param>
    /// <param name="showLegend">Whether the legend shows; null: Plotly decides.</param>
    public static GenericChart Around(this GenericChart chart, string title, LinearAxis x, LinearAxis y, int height,
        IEnumerable<Shape>? shapes = null, IEnumerable<Annotation>? labels = null, IReadOnlyDictionary<string, int>? margin = null,
        string? barMode = null, bool? showLegend = null)
    {
        var layout = new Layout();
        layout.SetProperty("height", height);
        layout.SetProperty("hovermode", "closest");
        SetIf(layout, "barmode", barMode);
        if (showLegend is { } legend)
        {
            layout.SetProperty("showlegend", legend);
        }

        if (margin is not null)
        {
            layout.SetProperty("margin", new Dictionary<string, int>(margin));
        }

        chart = Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
        chart = Plotly.NET.Chart.withXAxis(x, null).Invoke(chart);
        chart = Plotly.NET.Chart.withYAxis(y, null).Invoke(chart);
        chart = Plotly.NET.Chart.withShapes(shapes?.ToArray() ?? [], null).Invoke(chart);
        chart = Plotly.NET.Chart.withAnnotations(labels?.ToArray() ?? [], null).Invoke(chart);
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);

        // Plotly.NET starts every chart at 600 × 600 pixels, and its layout merge keeps those: set the height, drop the width.
        var merged = GenericChart.getLayout(chart);
        merged.SetProperty("height", height);
        merged.RemoveProperty("width");
        return chart;
    }

    private static GenericChart WithNestedField(this GenericChart chart, string part, string name, object value)
    {
        foreach (var trace in GenericChart.getTraces(chart))
        {
            if (trace.TryGetPropertyValue(part) is { } found && found.Value is DynamicObj.DynamicObj existing)
            {
                existing.SetProperty(name, value);
            }
            else
            {
                var created = new DynamicObj.DynamicObj();
                created.SetProperty(name, value);
                trace.SetProperty(part, created);
            }
        }

        return chart;
    }

    private static void SetIf(DynamicObj.DynamicObj target, string name, object? value)
    {
        if (value is not null)
        {
            target.SetProperty(name, value);
        }
    }
}
