using System.Globalization;
using System.Text.Json;
using Plotly.NET;

namespace Notebooks.Tests.Support;

/// <summary>
/// What a Plotly.NET chart will hand to plotly.js, read back from its JSON (<c>GenericChart.toJson</c>): the traces
/// and the layout, with plotly.js's own field names in C# casing. Tests assert on this, so they check what is drawn,
/// not how the chart was built.
/// </summary>
public static class FigureView
{
    extension(GenericChart chart)
    {
        /// <summary>The traces, in drawing order.</summary>
        public IReadOnlyList<FigureTrace> Data => Read(chart).Data;

        /// <summary>The layout: title, axes, shapes, labels.</summary>
        public FigureLayout Layout => Read(chart).Layout;

        /// <summary>The figure's JSON, as plotly.js reads it.</summary>
        public string ToJson() => GenericChart.toJson(chart);
    }

    private static (IReadOnlyList<FigureTrace> Data, FigureLayout Layout) Read(GenericChart chart)
    {
        using var json = JsonDocument.Parse(GenericChart.toJson(chart));
        var data = json.RootElement.GetProperty("data").EnumerateArray().Select(FigureTrace.From).ToArray();
        return (data, FigureLayout.From(json.RootElement.GetProperty("layout")));
    }

    /// <summary>A JSON value as the old figure model held it: a string, a whole number as <see cref="long"/>, any other number as <see cref="double"/>, or null.</summary>
    internal static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number when e.GetRawText().Any(c => c is '.' or 'e' or 'E') => e.GetDouble(),
        JsonValueKind.Number => e.GetInt64(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Value).ToArray(),
        _ => null,
    };

    internal static JsonElement? Field(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? value : null;

    internal static IReadOnlyList<object?>? List(JsonElement e, string name) =>
        Field(e, name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(Value).ToArray() : null;

    internal static IReadOnlyList<string?>? Strings(JsonElement e, string name) =>
        List(e, name)?.Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();

    internal static string? Text(JsonElement e, string name) => Field(e, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    internal static double Number(JsonElement e, string name) => Field(e, name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : 0;
}

/// <summary>One trace of a figure.</summary>
public sealed record FigureTrace(string? Type, string? Name, string? Mode, IReadOnlyList<object?>? X, IReadOnlyList<object?>? Y,
    IReadOnlyList<object?>? Base, IReadOnlyList<string?>? Text, IReadOnlyList<string?>? HoverText, string? HoverInfo,
    FigureMarker? Marker, FigureLine? Line, bool? ShowLegend)
{
    internal static FigureTrace From(JsonElement e) => new(
        FigureView.Text(e, "type"), FigureView.Text(e, "name"), FigureView.Text(e, "mode"),
        FigureView.List(e, "x"), FigureView.List(e, "y"), FigureView.List(e, "base"),
        FigureView.Strings(e, "text"), FigureView.Strings(e, "hovertext"), FigureView.Text(e, "hoverinfo"),
        FigureView.Field(e, "marker") is { } m ? new FigureMarker(Value(m, "color"), Value(m, "size"), Value(m, "symbol"), FigureView.Text(m, "angleref")) : null,
        FigureView.Field(e, "line") is { } l ? new FigureLine(FigureView.Text(l, "color"), FigureView.Text(l, "dash"), FigureView.Text(l, "shape")) : null,
        FigureView.Field(e, "showlegend") is { } s ? s.GetBoolean() : null);

    private static object? Value(JsonElement e, string name) => FigureView.Field(e, name) is { } v ? FigureView.Value(v) : null;
}

/// <summary>The markers of a trace: a colour, size and symbol, or a list with one per point.</summary>
public sealed record FigureMarker(object? Color, object? Size, object? Symbol, string? AngleRef);

/// <summary>The line of a trace.</summary>
public sealed record FigureLine(string? Color, string? Dash, string? Shape);

/// <summary>A figure's layout; no shapes or labels is an empty list.</summary>
public sealed record FigureLayout(FigureTitle? Title, FigureAxis? XAxis, FigureAxis? YAxis, IReadOnlyList<FigureShape> Shapes,
    IReadOnlyList<FigureAnnotation> Annotations, int? Height, string? BarMode)
{
    internal static FigureLayout From(JsonElement e) => new(
        FigureView.Field(e, "title") is { } t ? new FigureTitle(FigureView.Text(t, "text") ?? "") : null,
        FigureView.Field(e, "xaxis") is { } x ? FigureAxis.From(x) : null,
        FigureView.Field(e, "yaxis") is { } y ? FigureAxis.From(y) : null,
        FigureView.Field(e, "shapes") is { } s ? s.EnumerateArray().Select(FigureShape.From).ToArray() : [],
        FigureView.Field(e, "annotations") is { } a ? a.EnumerateArray().Select(FigureAnnotation.From).ToArray() : [],
        FigureView.Field(e, "height") is { } h ? h.GetInt32() : null,
        FigureView.Text(e, "barmode"));
}

/// <summary>A title.</summary>
public sealed record FigureTitle(string Text);

/// <summary>An axis.</summary>
public sealed record FigureAxis(string? Title, string? Type, IReadOnlyList<string>? CategoryArray, IReadOnlyList<string?>? TickText,
    string? AutoRange, IReadOnlyList<object?>? Range, string? TickPrefix)
{
    internal static FigureAxis From(JsonElement e) => new(
        FigureView.Field(e, "title") is { } t ? FigureView.Text(t, "text") : null,
        FigureView.Text(e, "type"),
        FigureView.Strings(e, "categoryarray")?.Select(c => c ?? "").ToArray(),
        FigureView.Strings(e, "ticktext"),
        FigureView.Text(e, "autorange"),
        FigureView.List(e, "range"),
        FigureView.Text(e, "tickprefix"));
}

/// <summary>A rectangle or line on the plot.</summary>
public sealed record FigureShape(string? Type, string? XRef, string? YRef, double X0, double X1, double Y0, double Y1, string? FillColor)
{
    internal static FigureShape From(JsonElement e) => new(
        FigureView.Text(e, "type"), FigureView.Text(e, "xref"), FigureView.Text(e, "yref"),
        FigureView.Number(e, "x0"), FigureView.Number(e, "x1"), FigureView.Number(e, "y0"), FigureView.Number(e, "y1"),
        FigureView.Text(e, "fillcolor"));
}

/// <summary>A text label on the plot.</summary>
public sealed record FigureAnnotation(double X, double Y, string Text, string? HoverText)
{
    internal static FigureAnnotation From(JsonElement e) => new(
        FigureView.Number(e, "x"), FigureView.Number(e, "y"), FigureView.Text(e, "text") ?? "", FigureView.Text(e, "hovertext"));
}
