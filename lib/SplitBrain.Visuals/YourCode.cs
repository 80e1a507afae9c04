using System.Diagnostics.CodeAnalysis;

namespace SplitBrain.Visuals;

/// <summary>
/// The "swap in your own code" cells of the lessons: run a scenario with the learner's exercise code plugged
/// in, and if that code is still the stub, say so in one plain sentence instead of a stack trace.
/// </summary>
public static class YourCode
{
    /// <summary>Whether <paramref name="error"/>, or any exception inside it, is the stub's <see cref="NotImplementedException"/>.</summary>
    /// <param name="error">What the learner's code threw, perhaps wrapped by the simulator or the explorer.</param>
    public static bool IsStub(Exception? error) => error switch
    {
        null => false,
        NotImplementedException => true,
        AggregateException many => many.InnerExceptions.Any(IsStub),
        _ => IsStub(error.InnerException),
    };

    /// <summary>Runs <paramref name="run"/>; false if the learner's code in it is still the stub.</summary>
    /// <typeparam name="T">What the run gives back, such as a <see cref="ScenarioResult"/>.</typeparam>
    /// <param name="run">The run, with the learner's code plugged in.</param>
    /// <param name="result">What the run gave back; default when it hit the stub.</param>
    /// <returns>True if the run finished; false if it threw <see cref="NotImplementedException"/>. Any other exception goes on up: that is a bug to see.</returns>
    public static bool TryRun<T>(Func<T> run, [MaybeNullWhen(false)] out T result)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            result = run();
            return true;
        }
        catch (Exception error) when (IsStub(error))
        {
            result = default;
            return false;
        }
    }

    /// <summary>The note a swap-in cell shows while the exercise is still the stub.</summary>
    /// <param name="type">The exercise's type, like <c>FencingGuard</c>.</param>
    /// <param name="file">Its file, like <c>exercises/Exercise02_FencingGuard.cs</c>.</param>
    public static HtmlFragment StillTheStub(string type, string file) =>
        new($"<b>Your {HtmlText.E(type)} is still the stub</b>: it throws NotImplementedException. Write it in {HtmlText.E(file)}, build (<code>dotnet build course.sln</code>), restart the kernel and run this cell again.");
}
