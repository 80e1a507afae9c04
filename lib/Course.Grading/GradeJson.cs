using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Grading;

/// <summary>
/// The grading as JSON, in the shape of Exercism's test-runner interface (version 3) plus points:
/// <code>
/// { "version": 3, "status": "pass|fail|error", "message": null | "why nothing ran",
///   "points": 12, "max_points": 87,
///   "tests": [ { "name": "Exercise02_FencingGuard.Task2_RejectsALowerToken", "task_id": 2,
///                "status": "pass|fail|error", "message": null | "...", "output": null | "at most 500 characters",
///                "points": 0, "max_points": 2 } ],
///   "exercises": [ { "number": 2, "title": "Fencing guard", "points": 0, "max_points": 8 } ] }
/// </code>
/// GitHub Classroom's reporter takes a second shape (<see cref="ToClassroom"/>).
/// </summary>
public static class GradeJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The Exercism-shaped JSON of <paramref name="report"/>.</summary>
    /// <param name="report">The grading's result.</param>
    public static string ToExercism(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tests = new JsonArray();
        foreach (var o in report.Outcomes)
        {
            tests.Add(new JsonObject
            {
                ["name"] = o.Test.Name,
                ["task_id"] = o.Test.Exercise,
                ["status"] = Status(o.Status),
                ["message"] = o.Message,
                ["output"] = string.IsNullOrEmpty(o.Output) ? null : o.Output,
                ["points"] = o.Earned,
                ["max_points"] = o.Test.Points,
            });
        }

        var exercises = new JsonArray();
        foreach (var g in report.ByExercise)
        {
            exercises.Add(new JsonObject
            {
                ["number"] = g.Key,
                ["title"] = g.First().Test.Title,
                ["points"] = g.Sum(o => o.Earned),
                ["max_points"] = g.Sum(o => o.Test.Points),
            });
        }

        var root = new JsonObject
        {
            ["version"] = 3,
            ["status"] = Status(report.Status),
            ["message"] = report.Message,
            ["points"] = report.Earned,
            ["max_points"] = report.Possible,
            ["tests"] = tests,
            ["exercises"] = exercises,
        };
        return root.ToJsonString(Indented);
    }

    /// <summary>
    /// The JSON GitHub Classroom's grading reporter reads from a runner's <c>result</c> output (base64 of this):
    /// version 1, status, max_score, and per test its score.
    /// </summary>
    /// <param name="report">The grading's result.</param>
    public static string ToClassroom(GradeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var tests = new JsonArray();
        foreach (var o in report.Outcomes)
        {
            tests.Add(new JsonObject
            {
                ["name"] = o.Test.Name,
                ["status"] = o.Status == TestStatus.Pass ? "pass" : "fail",
                ["message"] = o.Message ?? "",
                ["test_code"] = "",
                ["filename"] = "",
                ["line_no"] = 0,
                ["execution_time"] = "0s",
                ["score"] = o.Earned,
            });
        }

        return new JsonObject
        {
            ["version"] = 1,
            ["status"] = report.Status == TestStatus.Pass ? "pass" : report.Status == TestStatus.Error ? "error" : "fail",
            ["max_score"] = report.Possible,
            ["tests"] = tests,
        }.ToJsonString();
    }

    private static string Status(TestStatus status) => status switch
    {
        TestStatus.Pass => "pass",
        TestStatus.Fail => "fail",
        _ => "error",
    };
}
