namespace Course.Grading;

/// <summary>One exercise file of the course.</summary>
/// <param name="Number">The exercise number.</param>
/// <param name="FileName">Its file name in exercises/, like <c>Exercise02_FencingGuard.cs</c>.</param>
public sealed record ExerciseFile(int Number, string FileName);
