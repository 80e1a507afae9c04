namespace Course.Grading;

/// <summary>One stop on the path: a lesson and the exercises that practise it.</summary>
/// <param name="Notebook">The lesson's file name without <c>.ipynb</c>, like <c>02-quorums-and-the-2-2-partition</c>.</param>
/// <param name="Exercises">The numbers of the exercises to do after it, in order; empty when the lesson has none of its own.</param>
public sealed record PathStop(string Notebook, IReadOnlyList<int> Exercises)
{
    /// <summary>The lesson's two-digit number, like <c>02</c>.</summary>
    public string Number => Notebook[..2];

    /// <summary>The lesson's title in words, like <c>quorums and the 2-2 partition</c>.</summary>
    public string Title => Notebook[3..].Replace('-', ' ');
}

/// <summary>
/// The path through the course, in the order DESIGN gives: each lesson, then its exercises. <c>course</c>
/// shows it with your points; a test keeps it true to the folders.
/// </summary>
public static class CoursePath
{
    /// <summary>Every stop, in order. A lesson whose notebook is missing is left out when shown.</summary>
    public static IReadOnlyList<PathStop> Stops { get; } =
    [
        new("01-the-double-withdrawal", []),
        new("02-quorums-and-the-2-2-partition", [1]),
        new("03-leases-clocks-and-pauses", [4, 6]),
        new("04-fencing-tokens-and-storage-guards", [2, 3, 7, 10]),
        new("05-epochs-and-elections", [5]),
        new("06-stonith-detection-and-reconciliation", [8, 9]),
        new("07-the-real-systems-lab", []),
        new("08-chaos-test-your-own-fencing", []),
        new("09-what-the-clients-saw", [11]),
    ];

    /// <summary>The lesson an exercise belongs to, or null if the path does not name it.</summary>
    /// <param name="exercise">An exercise number.</param>
    public static PathStop? LessonOf(int exercise) => Stops.FirstOrDefault(s => s.Exercises.Contains(exercise));
}
