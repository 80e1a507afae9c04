using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace SplitBrain.Playground;

/// <summary>
/// The scrubber of one run and the invariants at the scrubbed step. A scrub re-renders this component only (its
/// buttons are its own), then tells the page through <see cref="Scrubbed"/>, a plain callback that does not
/// re-render the page: the page rewrites the URL and redraws the pictures.
/// </summary>
public partial class TimeControls : ComponentBase
{
    private PlayerRun? shownRun;
    private int shownStep = -1;
    private int step;

    /// <summary>The run.</summary>
    [Parameter]
    [EditorRequired]
    public PlayerRun Run { get; set; } = default!;

    /// <summary>The scrubbed step as the page knows it: the step a new run or a link starts at.</summary>
    [Parameter]
    public int Step { get; set; }

    /// <summary>Called with the new step after every scrub.</summary>
    [Parameter]
    public Action<int>? Scrubbed { get; set; }

    /// <summary>Moves the scrubber to <paramref name="to"/> (clamped to the run), as if a button had been pressed.</summary>
    /// <param name="to">The step.</param>
    public void Scrub(int to)
    {
        step = Math.Clamp(to, 0, Math.Max(Run.LastStep, 0));
        Scrubbed?.Invoke(step);
    }

    /// <inheritdoc />
    protected override void OnParametersSet() => step = Step;

    /// <inheritdoc />
    /// <remarks>Re-rendered by its own buttons; by the page only for another run or another step (not, say, for the explorer's progress bar).</remarks>
    protected override bool ShouldRender()
    {
        if (ReferenceEquals(shownRun, Run) && shownStep == step)
        {
            return false;
        }

        shownRun = Run;
        shownStep = step;
        return true;
    }

    private void ScrubTo(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            Scrub(value);
        }
    }
}
