namespace SplitBrain.Visuals;

/// <summary>A font for titles, labels and ticks.</summary>
/// <param name="Color">A CSS colour.</param>
/// <param name="Size">Size in points.</param>
public sealed record PlotFont(string? Color = null, double? Size = null);
