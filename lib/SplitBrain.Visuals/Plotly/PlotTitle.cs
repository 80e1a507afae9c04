namespace SplitBrain.Visuals;

/// <summary>A title of a chart or an axis; plotly.js 3 and later want it as an object with a text.</summary>
/// <param name="Text">The title's text.</param>
public sealed record PlotTitle(string Text);
