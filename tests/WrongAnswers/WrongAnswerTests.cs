using Xunit.Abstractions;

namespace Course.WrongAnswers;

/// <summary>
/// The graded tests must tell right from wrong. Each file in Answers/ExerciseNN/ is a mistake a learner would
/// really make, with the exercise's public type; its first lines say the mistake (<c>// Mistake:</c>) and words
/// the failing test's message must contain (<c>// Caught by:</c>), so the learner is told what is wrong in the
/// lesson's words. Every wrong answer must lose points; every untouched stub must score 0 on every graded test;
/// the reference answers must score full marks.
/// </summary>
/// <param name="output">Where each caught answer's message is shown, for a maintainer reading the test log.</param>
public sealed class WrongAnswerTests(ITestOutputHelper output)
{
    /// <summary>The exercises the course grades.</summary>
    public static TheoryData<int> Exercises() => [.. Enumerable.Range(1, GradedRun.Sources("solutions/").Count())];

    /// <summary>The wrong answers in Answers/ to exercises <paramref name="first"/> to <paramref name="last"/>, by embedded name.</summary>
    /// <param name="first">The first exercise.</param>
    /// <param name="last">The last exercise.</param>
    public static TheoryData<string> Answers(int first, int last) =>
        [.. GradedRun.Sources("answers/").Where(n => WrongAnswer.Load(n).Exercise is var e && e >= first && e <= last)];

    /// <summary>A wrong answer loses points, and a failing test says what is wrong.</summary>
    /// <param name="answer">The embedded name, like <c>answers/Exercise05/VotesTwiceInOneTerm.cs</c>.</param>
    [Theory]
    [MemberData(nameof(Answers), 1, 5)]
    public void AWrongAnswerLosesPoints(string answer) => Check(answer, output);

    /// <summary>Grades <paramref name="answer"/> and checks that it lost points, with the message its file names.</summary>
    internal static void Check(string answer, ITestOutputHelper output)
    {
        var wrong = WrongAnswer.Load(answer);
        var outcomes = GradedRun.Grade(wrong.Exercise, wrong.Source);
        var failed = outcomes.Where(o => !o.Passed).ToArray();
        Assert.True(failed.Length > 0,
            $"{answer} earned full marks ({outcomes.Sum(o => o.Points)} points) although {wrong.Mistake}. A graded test of exercise {wrong.Exercise} must catch it.");
        var caught = failed.FirstOrDefault(o => o.Message!.Contains(wrong.CaughtBy, StringComparison.Ordinal));
        Assert.True(caught is not null,
            $"{answer} ({wrong.Mistake}) failed, but no message says \"{wrong.CaughtBy}\". The messages: "
            + string.Join(" || ", failed.Select(o => $"{o.Test}: {o.Message}")));
        output.WriteLine($"{wrong.Mistake}: lost {failed.Sum(o => o.Points)} of {outcomes.Sum(o => o.Points)} points; {caught!.Test}: {caught.Message}");
    }

    /// <summary>An untouched stub earns nothing: no graded test passes by accident.</summary>
    /// <param name="exercise">The exercise number.</param>
    [Theory]
    [MemberData(nameof(Exercises))]
    public void TheStubScoresZero(int exercise)
    {
        var outcomes = GradedRun.Grade(exercise, GradedRun.Source("exercises/" + GradedRun.ExerciseFile(exercise)));
        Assert.NotEmpty(outcomes);
        foreach (var outcome in outcomes)
        {
            Assert.False(outcome.Passed, $"{outcome.Test} passes with the untouched stub of exercise {exercise}: it tests nothing the learner writes.");
        }
    }

    /// <summary>The reference answer earns full marks.</summary>
    /// <param name="exercise">The exercise number.</param>
    [Theory]
    [MemberData(nameof(Exercises))]
    public void TheSolutionScoresFullMarks(int exercise)
    {
        var outcomes = GradedRun.Grade(exercise, GradedRun.Source("solutions/" + GradedRun.ExerciseFile(exercise)));
        Assert.NotEmpty(outcomes);
        foreach (var outcome in outcomes)
        {
            Assert.True(outcome.Passed, $"{outcome.Test} fails with the reference answer: {outcome.Message}");
        }
    }

    /// <summary>Every exercise has wrong answers to be graded against, each with its mistake and its message.</summary>
    /// <param name="exercise">The exercise number.</param>
    [Theory]
    [MemberData(nameof(Exercises))]
    public void EachExerciseHasWrongAnswers(int exercise)
    {
        var answers = GradedRun.Sources("answers/").Select(WrongAnswer.Load).Where(a => a.Exercise == exercise).ToArray();
        Assert.True(answers.Length >= 3, $"Exercise {exercise} has {answers.Length} wrong answer(s) in tests/WrongAnswers/Answers; write at least 3.");
    }
}

/// <summary>
/// The wrong answers to exercises 6 onwards, in a class of their own so that xunit grades them alongside
/// exercises 1 to 5 on a second core.
/// </summary>
/// <param name="output">Where each caught answer's message is shown.</param>
public sealed class WrongAnswersOfTheLaterExercises(ITestOutputHelper output)
{
    /// <summary>A wrong answer loses points, and a failing test says what is wrong.</summary>
    /// <param name="answer">The embedded name, like <c>answers/Exercise07/ReadThenWrite.cs</c>.</param>
    [Theory]
    [MemberData(nameof(WrongAnswerTests.Answers), 6, int.MaxValue, MemberType = typeof(WrongAnswerTests))]
    public void AWrongAnswerLosesPoints(string answer) => WrongAnswerTests.Check(answer, output);
}
