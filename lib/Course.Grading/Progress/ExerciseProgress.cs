namespace Course.Grading;

/// <summary>Where one exercise stands: its points at the last grading, or none yet.</summary>
/// <param name="Number">The exercise number.</param>
/// <param name="Title">Its title, like <c>Fencing guard</c>.</param>
/// <param name="File">Its file under <c>exercises/</c>, like <c>Exercise02_FencingGuard.cs</c>.</param>
/// <param name="Earned">Points earned at the last grading; null if it was never graded.</param>
/// <param name="Possible">Points possible; null if it was never graded.</param>
public sealed record ExerciseProgress(int Number, string Title, string File, int? Earned, int? Possible)
{
    /// <summary>Whether every graded test of the exercise passed.</summary>
    public bool Done => Earned is { } earned && Possible is { } possible && possible > 0 && earned == possible;
}
