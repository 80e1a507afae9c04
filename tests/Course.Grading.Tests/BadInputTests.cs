namespace Course.Grading.Tests;

/// <summary>
/// Bad input to <c>grade</c> and <c>release</c> is refused before any work: one line that says what was wrong and
/// what is allowed, exit code 2, no stack trace, no .NET type or parameter name, and nothing graded or written.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string scratch = Course.Scratch("bad-input");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>An exercise the course does not have: the message lists the ones it has, read from exercises/.</summary>
    [Fact]
    public void Grade_NoSuchExercise()
    {
        var last = Submissions.Exercises[^1].Number;
        var error = Refused("grade", "--exercise", (last + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--root", Course.Root);
        Assert.Contains($"there is no exercise {last + 1}", error, StringComparison.Ordinal);
        Assert.Contains(CourseExercises.Describe(Submissions.Exercises), error, StringComparison.Ordinal);
    }

    /// <summary>Output files that cannot be written are found before grading, not after.</summary>
    [Fact]
    public void Grade_UnwritableOutputs()
    {
        Assert.Contains("cannot be written", Refused("grade", "--json", "/proc/x/r.json", "--root", Course.Root), StringComparison.Ordinal);
        Assert.Contains("is a folder", Refused("grade", "--classroom", scratch, "--root", Course.Root), StringComparison.Ordinal);
    }

    /// <summary>A file given as the submissions folder is called a file, not missing.</summary>
    [Fact]
    public void Grade_SubmissionsIsAFile()
    {
        var file = Path.Combine(scratch, "submissions.zip");
        File.WriteAllText(file, "not a folder");
        var error = Refused("grade", "--submissions", file, "--csv", Path.Combine(scratch, "g.csv"), "--root", Course.Root);
        Assert.Contains("is a file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(scratch, "g.csv")), "a refused batch wrote a gradebook");
    }

    /// <summary>A student copy that cannot be created, or would land on a file.</summary>
    [Fact]
    public void Release_UnwritableTarget()
    {
        Assert.Contains("cannot create the student copy", Refused("release", "/proc/x", "--root", Course.Root), StringComparison.Ordinal);
        var file = Path.Combine(scratch, "copy.txt");
        File.WriteAllText(file, "mine");
        Assert.Contains("is a file", Refused("release", file, "--root", Course.Root), StringComparison.Ordinal);
    }

    private static string Refused(params string[] args)
    {
        var (code, output, error) = Course.Run(args);
        var said = $"course {string.Join(' ', args)} exited {code}: {error}{output}";
        Assert.True(code == 2, said);
        Assert.True(output.Length == 0, "work was done before the input was refused: " + said);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        return error;
    }
}
