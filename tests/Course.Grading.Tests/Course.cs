using System.Text.Json.Nodes;

namespace Course.Grading.Tests;

/// <summary>The test vocabulary: where the course is, a scratch folder, and running the <c>course</c> command.</summary>
internal static class Course
{
    /// <summary>The course repository these tests were built from.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A new empty folder under the system temp folder, removed by the caller's Dispose.</summary>
    public static string Scratch(string what)
    {
        var dir = Path.Combine(Path.GetTempPath(), "course-grading-tests", $"{what}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Runs <c>course</c> with <paramref name="args"/>; returns its exit code and what it printed.</summary>
    public static (int Code, string Output, string Error) Run(params string[] args) => global::Course.Cli.Tests.CourseRunner.Run(args);

    /// <summary>Checks that <paramref name="json"/> has the documented shape, and returns it parsed.</summary>
    public static JsonObject CheckShape(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(3, (int)root["version"]!);
        Assert.Contains((string)root["status"]!, new[] { "pass", "fail", "error" });
        Assert.True(root.ContainsKey("message"), "the JSON has no message field");
        int points = 0, max = 0;
        foreach (var test in root["tests"]!.AsArray())
        {
            var t = test!.AsObject();
            Assert.False(string.IsNullOrEmpty((string?)t["name"]), "a test has no name");
            Assert.Contains((string)t["status"]!, new[] { "pass", "fail", "error" });
            Assert.True(t.ContainsKey("message") && t.ContainsKey("output") && t.ContainsKey("task_id"), $"test {t["name"]} lacks message, output or task_id");
            Assert.True(((string?)t["output"])?.Length is null or <= 500, $"test {t["name"]} has output over 500 characters");
            Assert.True((string)t["status"]! == "pass" ? t["message"] is null : !string.IsNullOrEmpty((string?)t["message"]), $"test {t["name"]}: a failure needs a message, a pass none");
            points += (int)t["points"]!;
            max += (int)t["max_points"]!;
        }

        Assert.Equal(points, (int)root["points"]!);
        Assert.Equal(max, (int)root["max_points"]!);
        return root;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("These tests run from inside the course repository.");
    }
}
