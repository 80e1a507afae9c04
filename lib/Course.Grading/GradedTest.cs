namespace Course.Grading;

/// <summary>One graded test as the worker found it: where it is and what it is worth.</summary>
/// <param name="Name">The full name, <c>Exercise02_FencingGuard.Task1_RejectsLowerToken</c>.</param>
/// <param name="Exercise">The exercise number.</param>
/// <param name="Title">The exercise's title.</param>
/// <param name="Hint">The exercise's hint.</param>
/// <param name="Points">What the test is worth.</param>
public sealed record GradedTest(string Name, int Exercise, string Title, string Hint, int Points);
