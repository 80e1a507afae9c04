namespace SplitBrain.Visuals;

/// <summary>How a scatter trace's line is drawn.</summary>
/// <param name="Color">A CSS colour.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Dash"><c>"solid"</c>, <c>"dash"</c>, <c>"dot"</c>…</param>
/// <param name="Shape"><c>"linear"</c>, or <c>"hv"</c> for a step that holds each value until the next.</param>
public sealed record PlotLine(string? Color = null, double? Width = null, string? Dash = null, string? Shape = null);
