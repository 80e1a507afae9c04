namespace Course.Grading;

/// <summary>
/// How many points a graded test is worth. Put it beside <c>[Fact]</c>; the grader runs only tests that
/// carry it, and a test earns its points whole or not at all, so an exercise earns partial credit test by test.
/// </summary>
/// <param name="points">The points; one or more.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PointsAttribute(int points) : Attribute
{
    /// <summary>The points this test is worth.</summary>
    public int Points { get; } = points >= 1
        ? points
        : throw new ArgumentOutOfRangeException(nameof(points), points, "A graded test is worth at least 1 point.");
}
