namespace SplitBrain.Visuals;

/// <summary>How the points of a trace are drawn.</summary>
/// <param name="Color">A CSS colour, or a list with one colour per point.</param>
/// <param name="Size">Size in pixels, or a list with one size per point.</param>
/// <param name="Symbol">A Plotly symbol, or a list with one per point: <c>"circle"</c>, <c>"x"</c>, <c>"star"</c>, <c>"arrow"</c>…</param>
/// <param name="AngleRef"><c>"previous"</c> turns each marker along the line from the point before: an arrowhead.</param>
/// <param name="Line">The markers' outline.</param>
public sealed record PlotMarker(object? Color = null, object? Size = null, object? Symbol = null, string? AngleRef = null, PlotLine? Line = null);
