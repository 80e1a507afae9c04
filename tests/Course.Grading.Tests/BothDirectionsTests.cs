using System.Text.Json.Nodes;

namespace Course.Grading.Tests;

/// <summary>
/// The graded tests checked in both directions: every one passes on solutions/ (full marks), and every one
/// fails on the untouched stubs (zero), graded through the student copy exactly as a learner gets it.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class BothDirectionsTests(SharedWork work) : IDisposable
{
    private readonly string scratch = Course.Scratch("release");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>course grade --solutions: full marks, exit 0, valid JSON.</summary>
    [Fact]
    public void Solutions_ScoreFullMarks()
    {
        var json = Path.Combine(scratch, "solutions.json");
        var (code, output, error) = Course.Run("grade", "--solutions", "--root", Course.Root, "--json", json, "--work", work.Folder);
        Assert.True(code == 0, $"course grade --solutions exited {code}: {error}\n{output}");
        var result = Course.CheckShape(File.ReadAllText(json));
        var failing = result["tests"]!.AsArray().Where(t => (string)t!["status"]! != "pass").Select(t => $"{t!["name"]}: {t["message"]}").ToArray();
        Assert.True(failing.Length == 0, "Graded tests fail on the reference solutions:\n" + string.Join("\n", failing));
        Assert.Equal("pass", (string)result["status"]!);
        Assert.True((int)result["points"]! == (int)result["max_points"]! && (int)result["points"]! > 0, output);
        Assert.Contains($"Total: {(int)result["points"]!} / {(int)result["points"]!} points", output, StringComparison.Ordinal);
        Assert.Equal(Submissions.Exercises.Count, result["exercises"]!.AsArray().Count);

        // One exercise only, reusing the build.
        (code, output, error) = Course.Run("grade", "--solutions", "--exercise", "2", "--root", Course.Root, "--json", json, "--work", work.Folder);
        Assert.True(code == 0, $"course grade --exercise 2 exited {code}: {error}");
        var only = Course.CheckShape(File.ReadAllText(json))["tests"]!.AsArray();
        Assert.True(only.Count > 0 && only.All(t => ((string)t!["name"]!).StartsWith("Exercise02_", StringComparison.Ordinal)), "--exercise 2 graded other exercises too: " + string.Join(", ", only.Select(t => (string)t!["name"]!)));
    }

    /// <summary>course release, then course grade on the copy: all stubs, zero points, no crash, nothing written into exercises/.</summary>
    [Fact]
    public void StudentCopy_BuildsAndGradesStubsToZero()
    {
        var copy = Path.Combine(scratch, "student");
        var (code, output, error) = Course.Run("release", copy, "--root", Course.Root);
        Assert.True(code == 0, $"course release exited {code}: {error}");
        Assert.Contains("student copy", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(copy, "solutions")), "the student copy contains solutions/");
        Assert.False(Directory.Exists(Path.Combine(copy, "tests", "Course.Grading.Tests")), "the student copy contains the grader's own tests");
        Assert.DoesNotContain("Solutions", File.ReadAllText(Path.Combine(copy, "course.sln")), StringComparison.Ordinal);
        Assert.Contains(">Exercises</Graded>", File.ReadAllText(Path.Combine(copy, "tests", "Exercises.Tests", "Directory.Build.props")), StringComparison.Ordinal);
        Assert.Contains("autograding-grading-reporter", File.ReadAllText(Path.Combine(copy, ".github", "workflows", "classroom.yml")), StringComparison.Ordinal);
        Assert.Contains("grade --watch", File.ReadAllText(Path.Combine(copy, "README.md")), StringComparison.Ordinal);

        var json = Path.Combine(scratch, "stubs.json");
        var classroom = Path.Combine(scratch, "classroom.json");
        (code, output, error) = Course.Run("grade", "--root", copy, "--json", json, "--classroom", classroom, "--work", work.Folder);
        Assert.True(code == 0, $"course grade on the stubs exited {code}: {error}\n{output}");
        var result = Course.CheckShape(File.ReadAllText(json));
        var tests = result["tests"]!.AsArray();
        var passing = tests.Where(t => (string)t!["status"]! != "fail").Select(t => (string)t!["name"]!).ToArray();
        Assert.True(passing.Length == 0, "Graded tests that do not fail on the untouched stubs (they pass by accident): " + string.Join(", ", passing));
        Assert.All(tests, t => Assert.Contains("NotImplementedException", (string)t!["message"]!, StringComparison.Ordinal));
        Assert.Equal(0, (int)result["points"]!);
        Assert.Contains($"Total: 0 / {(int)result["max_points"]!} points", output, StringComparison.Ordinal);
        Assert.Equal(tests.Count, JsonNode.Parse(File.ReadAllText(classroom))!["tests"]!.AsArray().Count);
        Assert.False(Directory.Exists(Path.Combine(copy, "exercises", "bin")) || Directory.Exists(Path.Combine(copy, "exercises", "obj")), "the grader wrote build output into exercises/");

        // A learner's typo costs only its own exercise: its tests fail with the compiler's words, the rest still run.
        var guard = Path.Combine(copy, "exercises", "Exercise02_FencingGuard.cs");
        File.AppendAllText(guard, "\nthis is not C#\n");
        (code, output, error) = Course.Run("grade", "--root", copy, "--json", json, "--work", work.Folder);
        Assert.True(code == 0, $"course grade on one broken exercise exited {code}: {error}\n{output}");
        var broken = Course.CheckShape(File.ReadAllText(json));
        Assert.Equal(tests.Count, broken["tests"]!.AsArray().Count);
        foreach (var test in broken["tests"]!.AsArray())
        {
            var name = (string)test!["name"]!;
            var message = (string)test["message"]!;
            Assert.Contains(name.StartsWith("Exercise02_", StringComparison.Ordinal) ? "Exercise02_FencingGuard.cs(" : "NotImplementedException", message, StringComparison.Ordinal);
        }

        Assert.Contains("does not compile", output, StringComparison.Ordinal);
    }
}
