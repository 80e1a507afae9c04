namespace SplitBrain.Visuals;

/// <summary>
/// What is left of the course's own figure model now that every picture is a Plotly.NET chart: the class name
/// by which the notebook runner counts charts on a page.
/// </summary>
public static class PlotFigure
{
    /// <summary>The CSS class of the element around every chart of a static page; see <see cref="ChartHtml.ContainerClass"/>.</summary>
    public const string ContainerClass = ChartHtml.ContainerClass;
}
