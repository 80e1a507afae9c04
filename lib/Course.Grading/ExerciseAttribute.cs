namespace Course.Grading;

/// <summary>
/// Marks a class of graded tests as the tests of one exercise: its number, its title and the hint the
/// scoreboard shows while the exercise is not yet complete.
/// </summary>
/// <param name="number">The exercise number, 1 or more, as in the file name <c>Exercise02_FencingGuard</c>.</param>
/// <param name="title">The exercise's title, for example <c>Fencing guard</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ExerciseAttribute(int number, string title) : Attribute
{
    /// <summary>The exercise number.</summary>
    public int Number { get; } = number >= 1
        ? number
        : throw new ArgumentOutOfRangeException(nameof(number), number, "Exercises are numbered from 1.");

    /// <summary>The exercise's title.</summary>
    public string Title { get; } = title;

    /// <summary>
    /// The number of the lesson that teaches the exercise (its notebook, like 4 for <c>04-fencing-tokens-and-storage-guards</c>).
    /// One lesson per exercise: the lesson lists it under "Your exercises", and the course's path
    /// (<see cref="CoursePath"/>) shows it after that lesson; a test keeps the three in agreement.
    /// </summary>
    public int Lesson { get; init; }

    /// <summary>One or two sentences that point a stuck learner the right way.</summary>
    public string Hint { get; init; } = "";
}
