using System.Diagnostics;
using System.Text.Json;
using Course.Cli.Tests;

namespace Playground.Tests;

/// <summary>The <c>course</c> program built beside these tests (lib/Course.Cli), run as a learner runs it, through the CLI tests' one <see cref="CourseRunner"/>.</summary>
public static class Course
{
    /// <summary>Starts <c>dotnet course.dll</c> with <paramref name="args"/>, output redirected, for a command that keeps running (<c>course playground</c>).</summary>
    /// <param name="args">The arguments after <c>course</c>.</param>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CourseRunner.Binary);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>course</c> to the end.</summary>
    /// <param name="args">The arguments after <c>course</c>.</param>
    public static (int Code, string Out, string Err) Run(params string[] args) => CourseRunner.Run(args);

    /// <summary>Runs <c>course</c> to the end and parses its JSON output.</summary>
    /// <param name="args">The arguments after <c>course</c>, including <c>--json</c>.</param>
    public static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CourseRunner.Run(args);
        Assert.True(code is 0 or 1, $"course {string.Join(' ', args)} exited {code}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
