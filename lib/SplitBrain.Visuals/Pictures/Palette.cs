namespace SplitBrain.Visuals;

/// <summary>The colours of the pictures, one meaning each, the same in every chart.</summary>
public static class Palette
{
    /// <summary>A delivered message.</summary>
    public const string Message = "#4c78a8";

    /// <summary>A lost message.</summary>
    public const string Dropped = "#e45756";

    /// <summary>A write the store accepted.</summary>
    public const string Accepted = "#2e9e44";

    /// <summary>A write the store refused.</summary>
    public const string Rejected = "#d62728";

    /// <summary>A node becoming or stopping being leader.</summary>
    public const string Leader = "#f58518";

    /// <summary>A paused or crashed node.</summary>
    public const string Down = "#7f7f7f";

    /// <summary>A change to the network: partition, cut or heal.</summary>
    public const string Network = "#9467bd";

    /// <summary>The split-brain window: two leaders at once.</summary>
    public const string SplitBrain = "#d62728";

    /// <summary>Colours for series that differ only by name (terms, sides), in order.</summary>
    public static IReadOnlyList<string> Series { get; } =
        ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#eeca3b", "#ff9da6", "#9d755d", "#bab0ac"];
}
