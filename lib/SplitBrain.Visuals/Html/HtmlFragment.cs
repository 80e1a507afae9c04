namespace SplitBrain.Visuals;

/// <summary>
/// A piece of HTML to show as it is: a notebook displays it rendered (after <see cref="Lesson.Setup"/>), and
/// <see cref="ToString"/> gives the markup for a page.
/// </summary>
/// <param name="Html">The markup.</param>
public sealed record HtmlFragment(string Html)
{
    /// <summary>The markup.</summary>
    public override string ToString() => Html;
}
